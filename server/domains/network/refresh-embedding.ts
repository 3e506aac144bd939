import type { Database } from "../../platform/neo4j/database.js";
import { embeddingSettings, hangsOnIds, namesOf, programmeCore, trendOf, type EmbeddingOptions } from "./compute-embedding.js";
import { judgeInstitution, judgeProgramme } from "./judge-embedding.js";
import type { EmbeddingActivity, EmbeddingRefresh } from "./EmbeddingTypes.js";
import { readInstitutionFacts, readProgrammeFacts } from "./read-embedding-facts.js";
import { countWarmThreads } from "./thread-count-memo.js";
import {
  CREATE_INSTITUTION_SNAPSHOTS,
  CREATE_PROGRAMME_SNAPSHOTS,
  DELETE_EMBEDDING_SNAPSHOTS,
  LOCK_WORKSPACE_SNAPSHOTS,
} from "./statements.js";

/**
 * The figures embeddingRanking reads, computed for every programme and institution and stored as
 * (:EmbeddingSnapshot {workspaceId, kind, targetId, …})-[:SNAPSHOT_OF]->(:Programme|:Institution),
 * one per workspace and organisation. Computing threads for ~1,000 programmes takes seconds, so
 * the ranking reads these instead; they are as fresh as the last refresh (refreshedAt says when).
 * A refresh replaces the workspace's snapshots in one write transaction, so a reader sees the old
 * set or the new one, never a mix. Deleting a programme removes its SNAPSHOT_OF, and the ranking
 * skips a snapshot without one.
 */

interface SnapshotRow {
  id: string;
  props: Record<string, unknown>;
  /** Whom its one thread hangs on (ids), named in the verdict's reason once all rows are in. */
  hangsOn: string[];
}

function activityProps(now: EmbeddingActivity, before: EmbeddingActivity): Record<string, unknown> {
  const trend = trendOf(now, before);
  return {
    sprints: now.sprints,
    agreements: now.agreements,
    openProposals: now.openProposals,
    sprintsYearEarlier: before.sprints,
    agreementsYearEarlier: before.agreements,
    openProposalsYearEarlier: before.openProposals,
    trendChange: trend.sprints + trend.agreements,
  };
}

/** Programmes are independent; a few at a time keep Neo4j busy while each waits on its round trips. */
const REFRESH_CONCURRENCY = 4;

async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(REFRESH_CONCURRENCY, items.length) }, worker));
}

export async function refreshEmbedding(db: Database, options: EmbeddingOptions): Promise<EmbeddingRefresh> {
  const started = Date.now();
  const settings = await embeddingSettings(db, options);
  const common = { asOf: settings.asOf, warmThreshold: settings.threshold, maxHops: settings.maxHops };

  const programmeFacts = await readProgrammeFacts(db, {
    programmes: null,
    coordinators: settings.side.coordinatorIds,
    threshold: settings.threshold,
    asOf: settings.asOf,
  });
  // Keep only each programme's figures, not its core: a core holds the programme's warm
  // neighbourhood, which at national scale covers much of the graph (about 137,000 entries at L),
  // and holding a thousand of them ran the process out of memory.
  const programmesById = new Map<string, { name: string; threads: number; level: number }>();
  const programmeRows: SnapshotRow[] = [];
  await inParallel(programmeFacts, async (facts) => {
    // Figures only (thread-count-memo.ts): counted on the neighbourhood's person numbers, no map of ids per person.
    const core = await programmeCore(settings, facts, "dinic", "figures");
    programmesById.set(facts.id, { name: facts.name, threads: core.count.threads, level: core.level });
    programmeRows.push({
      id: facts.id,
      hangsOn: hangsOnIds(core.count),
      props: {
        ...common,
        name: facts.name,
        institutionId: facts.institutionId,
        institutionName: facts.institutionName,
        level: core.level,
        threads: core.count.threads,
        singlePointsOfFailure: core.count.singlePointsOfFailure.length,
        roleHolders: facts.roleHolderIds.length,
        reachedRoleHolders: core.neighbourhood.targets.size,
        ...activityProps(facts.activity, facts.activityYearEarlier),
      },
    });
  });

  const institutionRows: SnapshotRow[] = [];
  const institutionProgrammes = new Map<string, string[]>();
  await inParallel(await readInstitutionFacts(db, { institutions: null, asOf: settings.asOf }), async (facts) => {
    const { neighbourhood, count } = await countWarmThreads(
      settings,
      settings.side.coordinatorIds,
      facts.roleHolderIds,
      settings.maxHops,
      "dinic",
      "figures",
    );
    const highestLevel = facts.programmeIds.reduce((max, id) => Math.max(max, programmesById.get(id)?.level ?? 0), 0);
    institutionProgrammes.set(facts.id, facts.programmeIds);
    institutionRows.push({
      id: facts.id,
      hangsOn: hangsOnIds(count),
      props: {
        ...common,
        name: facts.name,
        institutionId: facts.id,
        institutionName: facts.name,
        level: highestLevel,
        threads: count.threads,
        singlePointsOfFailure: count.singlePointsOfFailure.length,
        roleHolders: facts.roleHolderIds.length,
        reachedRoleHolders: neighbourhood.targets.size,
        ...activityProps(facts.activity, facts.activityYearEarlier),
      },
    });
  });

  // The verdicts, last: they name the people single threads hang on (one query for all of them).
  const names = await namesOf(
    db,
    [...programmeRows, ...institutionRows].flatMap((r) => r.hangsOn),
  );
  const named = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? id);
  const verdicts = new Map<string, ReturnType<typeof judgeProgramme>>();
  for (const row of programmeRows) {
    const judgement = judgeProgramme({
      name: String(row.props.name),
      threads: Number(row.props.threads),
      level: Number(row.props.level),
      hangsOn: named(row.hangsOn),
    });
    verdicts.set(row.id, judgement);
    Object.assign(row.props, judgement);
  }
  for (const row of institutionRows) {
    const programmes = (institutionProgrammes.get(row.id) ?? []).flatMap((id) => {
      const figures = programmesById.get(id);
      const judgement = verdicts.get(id);
      return figures && judgement ? [{ ...figures, verdict: judgement.verdict }] : [];
    });
    Object.assign(
      row.props,
      judgeInstitution({
        name: String(row.props.name),
        threads: Number(row.props.threads),
        roleHolders: Number(row.props.roleHolders),
        reachedRoleHolders: Number(row.props.reachedRoleHolders),
        hangsOn: named(row.hangsOn),
        programmes,
      }),
    );
  }

  const refreshedAt = new Date().toISOString();
  await db.writeTx(async (tx) => {
    await tx.run(LOCK_WORKSPACE_SNAPSHOTS, { workspace: settings.side.id });
    await tx.run(DELETE_EMBEDDING_SNAPSHOTS, { workspace: settings.side.id });
    for (const [statement, kind, rows] of [
      [CREATE_PROGRAMME_SNAPSHOTS, "PROGRAMME", programmeRows],
      [CREATE_INSTITUTION_SNAPSHOTS, "INSTITUTION", institutionRows],
    ] as const) {
      await tx.run(statement, {
        rows: rows.map(({ id, props }) => ({ id, props })),
        workspace: settings.side.id,
        kind,
        refreshedAt,
      });
    }
  });

  return {
    workspaceId: settings.side.id,
    ...common,
    programmes: programmeRows.length,
    institutions: institutionRows.length,
    refreshedAt,
    tookMs: Date.now() - started,
  };
}
