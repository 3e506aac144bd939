import type { Database } from "../../platform/neo4j/database.js";
import { checkAtLeastOne } from "./check-network-input.js";
import { levelFields } from "./compute-embedding.js";
import { colourOf } from "./judge-embedding.js";
import {
  EmbeddingSortField,
  EmbeddingVerdict,
  type EmbeddingKind,
  type EmbeddingRanking,
  type EmbeddingRankingEntry,
} from "./EmbeddingTypes.js";
import { refreshEmbedding } from "./refresh-embedding.js";
import { workspaceFrom } from "./resolve-workspace.js";
import { readEmbeddingRankingStatement } from "./statements.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";

export interface RankingArgs {
  workspace?: string | null;
  kind?: EmbeddingKind | null;
  institution?: string | null;
  minLevel?: number | null;
  maxLevel?: number | null;
  verdict?: EmbeddingVerdict | null;
  sortBy?: EmbeddingSortField;
  descending?: boolean;
  limit?: number;
  offset?: number;
}

/**
 * embeddingRanking: reads the stored figures (refresh-embedding.ts); when the workspace has none
 * yet, it refreshes first. Sorted by the chosen field, ties by name, then kind and id.
 */
export async function rankEmbedding(db: Database, args: RankingArgs): Promise<EmbeddingRanking> {
  const limit = checkAtLeastOne(args.limit ?? 50, "limit");
  const offset = args.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `offset must be a whole number of at least 0; got ${offset}.`, "offset");
  for (const [field, value] of [
    ["minLevel", args.minLevel],
    ["maxLevel", args.maxLevel],
  ] as const) {
    if (value !== null && value !== undefined && (!Number.isInteger(value) || value < 0 || value > 5)) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `${field} must be a level from 0 to 5; got ${value}.`, field);
    }
  }
  const cypher = readEmbeddingRankingStatement(args.sortBy ?? EmbeddingSortField.LEVEL, args.descending ?? true);
  const params = {
    workspace: args.workspace ?? null,
    kind: args.kind ?? null,
    institution: args.institution ?? null,
    minLevel: args.minLevel ?? null,
    maxLevel: args.maxLevel ?? null,
    verdict: args.verdict ?? null,
    limit,
    offset,
  };
  let rows = await db.read(cypher, params);
  const side = workspaceFrom((rows[0]?.workspaces as Record<string, unknown>[] | undefined) ?? [], args.workspace);
  if (Number(rows[0]?.stored ?? 0) === 0) {
    // No figures yet: compute them once, then read them.
    await refreshEmbedding(db, { workspace: side.id });
    rows = await db.read(cypher, params);
  }
  const meta = (rows[0]?.meta as Record<string, unknown> | null | undefined) ?? null;
  const entries = ((rows[0]?.entries as Array<Record<string, unknown>> | undefined) ?? []).map(toEntry);
  return {
    workspaceId: side.id,
    asOf: (meta?.asOf as string | undefined) ?? null,
    refreshedAt: (meta?.refreshedAt as string | undefined) ?? null,
    warmThreshold: meta ? Number(meta.warmThreshold) : null,
    maxHops: meta ? Number(meta.maxHops) : null,
    total: Number(rows[0]?.total ?? 0),
    entries,
  };
}

function toEntry(s: Record<string, unknown>): EmbeddingRankingEntry {
  const n = (key: string) => Number(s[key] ?? 0);
  // Snapshots stored before programmes had verdicts (none until the next refresh) read as RED.
  const verdict = (s.verdict as EmbeddingVerdict | null) ?? EmbeddingVerdict.RED;
  return {
    kind: s.kind as EmbeddingKind,
    id: String(s.targetId),
    name: String(s.name ?? ""),
    institutionId: (s.institutionId as string | null) ?? null,
    institutionName: (s.institutionName as string | null) ?? null,
    ...levelFields(n("level")),
    colour: colourOf(verdict),
    verdict,
    verdictReasonEn: String(s.verdictReasonEn ?? ""),
    verdictReasonNl: String(s.verdictReasonNl ?? ""),
    threads: n("threads"),
    singlePointsOfFailure: n("singlePointsOfFailure"),
    roleHolders: n("roleHolders"),
    reachedRoleHolders: n("reachedRoleHolders"),
    activity: { sprints: n("sprints"), agreements: n("agreements"), openProposals: n("openProposals") },
    activityYearEarlier: {
      sprints: n("sprintsYearEarlier"),
      agreements: n("agreementsYearEarlier"),
      openProposals: n("openProposalsYearEarlier"),
    },
    trendChange: n("trendChange"),
  };
}
