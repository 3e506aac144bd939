import type { Database } from "../../platform/neo4j/database.js";
import { todayIso } from "../../platform/clock/read-clock.js";
import { checkIsoDate, checkMaxHops, checkStrength } from "./check-network-input.js";
import type { ThreadCount } from "./count-threads.js";
import { describePeople, unknownPerson } from "./describe-people.js";
import {
  EmbeddingKind,
  EmbeddingTrendDirection,
  type EmbeddingActivity,
  type EmbeddingProgrammeSummary,
  type EmbeddingTrend,
  type InstitutionEmbedding,
  type ProgrammeEmbedding,
  type SinglePointOfFailure,
} from "./EmbeddingTypes.js";
import { describeLadder, ladderLevel, ladderNames, ladderRungs } from "./evaluate-ladder.js";
import { colourOf, judgeInstitution, judgeProgramme, type Judgement } from "./judge-embedding.js";
import { describePerson } from "./explain-warm-path.js";
import type { WarmNeighbourhood } from "./load-warm-neighbourhood.js";
import { readInstitutionFacts, readProgrammeFacts, type InstitutionFacts, type ProgrammeFacts } from "./read-embedding-facts.js";
import { resolveWorkspace, type WorkspaceSide } from "./resolve-workspace.js";
import { countWarmThreads, type ThreadDetail } from "./thread-count-memo.js";
import type { PathPerson } from "./WarmPathTypes.js";
import { openWarmTies } from "./held-warm-ties.js";
import type { WarmTies } from "./WarmTieStore.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";

export interface EmbeddingOptions {
  workspace?: string | null;
  warmThreshold?: number | null;
  maxHops?: number | null;
  /** The date the figures are for (YYYY-MM-DD); default today. */
  asOf?: string | null;
}

/** Threads use the warmPaths hop limit: a person counts only if on a warm walk of ≤ maxHops ties. */
export const embeddingDefaults = { maxHops: 4 } as const;

/**
 * What one embedding computation works with. The warm ties are shared by all its parts: the tie graph the
 * analytics worker holds, or the WarmTieStore shared with other requests while the ties are unchanged (openWarmTies).
 */
export interface EmbeddingSettings {
  db: Database;
  side: WorkspaceSide;
  threshold: number;
  maxHops: number;
  asOf: string;
  ties: WarmTies;
  /** impactIfGone: compute as if this person were detached (not in W, no ties, no roles, no signatures). */
  without?: string | null;
}

export async function embeddingSettings(db: Database, options: EmbeddingOptions): Promise<EmbeddingSettings> {
  const given = options.warmThreshold == null ? null : checkStrength(options.warmThreshold, "warmThreshold");
  const maxHops = checkMaxHops(options.maxHops ?? embeddingDefaults.maxHops);
  const asOf = options.asOf ? checkIsoDate(options.asOf, "asOf") : todayIso();
  // The version is read before anything else, so every tie the store reads is at least that new.
  if (given !== null) {
    const [ties, side] = await Promise.all([openWarmTies(db, given), resolveWorkspace(db, options.workspace)]);
    return { db, side, threshold: given, maxHops, asOf, ties };
  }
  // No threshold asked for: the workspace's own (warm-threshold.ts). The store opens after the
  // workspace is read, so the version it reads is at least as new as that threshold.
  const side = await resolveWorkspace(db, options.workspace);
  const ties = await openWarmTies(db, side.warmThreshold);
  return { db, side, threshold: side.warmThreshold, maxHops, asOf, ties };
}

/** Threads, ladder and level of one programme, without names or sentences. */
export interface ProgrammeCore {
  facts: ProgrammeFacts;
  neighbourhood: WarmNeighbourhood;
  count: ThreadCount;
  holds: boolean[];
  level: number;
}

/**
 * `method`: the max-flow method; see countThreads. `detail`: "figures" when only the figures are used (the embedding
 * itself: then the neighbourhood holds only W's and R's people in it, and the threads may come from the memo,
 * thread-count-memo.ts); "neighbourhood" for callers that count again on the neighbourhood.
 */
export async function programmeCore(
  settings: EmbeddingSettings,
  facts: ProgrammeFacts,
  method: "edmonds-karp" | "dinic" = "dinic",
  detail: ThreadDetail = "neighbourhood",
): Promise<ProgrammeCore> {
  const { neighbourhood, count } = await countWarmThreads(
    settings,
    settings.side.coordinatorIds,
    facts.roleHolderIds,
    settings.maxHops,
    method,
    detail,
  );
  const holds = ladderRungs(count.threads, facts);
  return { facts, neighbourhood, count, holds, level: ladderLevel(holds) };
}

export interface InstitutionCore {
  facts: InstitutionFacts;
  neighbourhood: WarmNeighbourhood;
  count: ThreadCount;
  programmes: ProgrammeCore[];
  /** The verdict of each programme, in the order of `programmes`. */
  programmeJudgements: Judgement[];
  levelCounts: number[];
  highestLevel: number;
  judgement: Judgement;
}

/**
 * Whom one thread hangs on, for the verdict's reason: its single points of failure, or — when a
 * person of W holds a role there and so is the thread on their own — the end of the thread.
 */
export function hangsOnIds(count: ThreadCount): string[] {
  if (count.threads !== 1) return [];
  if (count.singlePointsOfFailure.length > 0) return count.singlePointsOfFailure;
  const end = count.paths[0]?.at(-1);
  return end === undefined ? [] : [end];
}

/** Display names of people, for the verdicts' reasons (one query). */
export async function namesOf(db: Database, ids: readonly string[]): Promise<Map<string, string>> {
  const people = await describePeople(db, [...new Set(ids)]);
  return new Map([...people].map(([id, p]) => [id, p.name]));
}

export function judgeProgrammeCore(core: ProgrammeCore, names: ReadonlyMap<string, string>): Judgement {
  return judgeProgramme({
    name: core.facts.name,
    threads: core.count.threads,
    level: core.level,
    hangsOn: hangsOnIds(core.count).map((id) => names.get(id) ?? id),
    activeContacts: core.facts.activeContacts.map((id) => names.get(id) ?? id),
  });
}

/** The ladder level with its names in both languages, as every embedding figure carries it. */
export function levelFields(level: number): { level: number; levelNameEn: string; levelNameNl: string } {
  return { level, levelNameEn: ladderNames[level]?.en ?? "", levelNameNl: ladderNames[level]?.nl ?? "" };
}

/** `detail`: as programmeCore's, for the institution's neighbourhood and its programmes'. */
export async function institutionCore(
  db: Database,
  settings: EmbeddingSettings,
  facts: InstitutionFacts,
  detail: ThreadDetail = "neighbourhood",
): Promise<InstitutionCore> {
  const { neighbourhood, count } = await countWarmThreads(
    settings,
    settings.side.coordinatorIds,
    facts.roleHolderIds,
    settings.maxHops,
    "dinic",
    detail,
  );
  const programmeFacts =
    facts.programmeIds.length === 0
      ? []
      : await readProgrammeFacts(db, {
          programmes: facts.programmeIds,
          coordinators: settings.side.coordinatorIds,
          threshold: settings.threshold,
          asOf: settings.asOf,
          without: settings.without ?? null,
        });
  const programmes: ProgrammeCore[] = [];
  for (const p of programmeFacts) {
    // Let other requests in between programmes: with the tie store warm nothing here waits for
    // I/O, and twenty programmes back to back held the event loop for a second at national scale.
    await new Promise((resolve) => setImmediate(resolve));
    programmes.push(await programmeCore(settings, p, "dinic", detail));
  }
  const levelCounts = ladderNames.map((_, level) => programmes.filter((p) => p.level === level).length);
  const highestLevel = programmes.reduce((max, p) => Math.max(max, p.level), 0);
  const names = await namesOf(db, [
    ...hangsOnIds(count),
    ...programmes.flatMap((p) => [...hangsOnIds(p.count), ...p.facts.activeContacts]),
  ]);
  const programmeJudgements = programmes.map((p) => judgeProgrammeCore(p, names));
  const judgement = judgeInstitution({
    name: facts.name,
    threads: count.threads,
    roleHolders: facts.roleHolderIds.length,
    reachedRoleHolders: neighbourhood.targets.size,
    hangsOn: hangsOnIds(count).map((id) => names.get(id) ?? id),
    programmes: programmes.map((p, k) => ({
      name: p.facts.name,
      threads: p.count.threads,
      level: p.level,
      verdict: programmeJudgements[k]!.verdict,
    })),
  });
  return { facts, neighbourhood, count, programmes, programmeJudgements, levelCounts, highestLevel, judgement };
}

/** UP when sprints + agreements grew against a year earlier, DOWN when they shrank, else FLAT. */
export function trendOf(now: EmbeddingActivity, before: EmbeddingActivity): EmbeddingTrend {
  const sprints = now.sprints - before.sprints;
  const agreements = now.agreements - before.agreements;
  const openProposals = now.openProposals - before.openProposals;
  const sum = sprints + agreements;
  const direction = sum > 0 ? EmbeddingTrendDirection.UP : sum < 0 ? EmbeddingTrendDirection.DOWN : EmbeddingTrendDirection.FLAT;
  return { sprints, agreements, openProposals, direction };
}

/** embedding(programme: …) */
export async function computeProgrammeEmbedding(
  db: Database,
  programmeId: string,
  options: EmbeddingOptions,
): Promise<ProgrammeEmbedding> {
  const settings = await embeddingSettings(db, options);
  const facts = (
    await readProgrammeFacts(db, {
      programmes: [programmeId],
      coordinators: settings.side.coordinatorIds,
      threshold: settings.threshold,
      asOf: settings.asOf,
    })
  )[0];
  if (!facts) throw new DomainError(ErrorCode.NOT_FOUND, `No programme has id "${programmeId}".`, "programme");
  const core = await programmeCore(settings, facts, "dinic", "figures");
  const people = await describePeople(
    db,
    [...core.count.paths.flat(), ...facts.managementWithWarmTie, ...facts.managementWhoSigned, ...facts.activeManagementContacts],
    [facts.id],
  );
  const names = new Map([...people].map(([id, p]) => [id, p.name]));
  const judgement = judgeProgrammeCore(core, await namesOf(db, [...hangsOnIds(core.count), ...facts.activeContacts]));
  return {
    kind: EmbeddingKind.PROGRAMME,
    id: facts.id,
    name: facts.name,
    institutionId: facts.institutionId,
    institutionName: facts.institutionName,
    workspaceId: settings.side.id,
    asOf: settings.asOf,
    warmThreshold: settings.threshold,
    maxHops: settings.maxHops,
    roleHolders: facts.roleHolderIds.length,
    reachedRoleHolders: core.neighbourhood.targets.size,
    threads: core.count.threads,
    threadPaths: core.count.paths.map((path) => ({ people: path.map((id) => profile(people, id)) })),
    singlePointsOfFailure: explainSinglePoints(core.count, core.neighbourhood, people, facts.name),
    ...levelFields(core.level),
    ...judgement,
    colour: colourOf(judgement.verdict),
    rungs: describeLadder({
      programme: facts.name,
      institution: facts.institutionName,
      threads: core.count.threads,
      maxHops: settings.maxHops,
      threshold: settings.threshold,
      asOf: settings.asOf,
      facts,
      names,
    }),
    activity: facts.activity,
    activityYearEarlier: facts.activityYearEarlier,
    trend: trendOf(facts.activity, facts.activityYearEarlier),
  };
}

/** embedding(institution: …) */
export async function computeInstitutionEmbedding(
  db: Database,
  institutionId: string,
  options: EmbeddingOptions,
): Promise<InstitutionEmbedding> {
  const settings = await embeddingSettings(db, options);
  const facts = (await readInstitutionFacts(db, { institutions: [institutionId], asOf: settings.asOf }))[0];
  if (!facts) throw new DomainError(ErrorCode.NOT_FOUND, `No institution has id "${institutionId}".`, "institution");
  const core = await institutionCore(db, settings, facts, "figures");
  const people = await describePeople(db, core.count.paths.flat(), [facts.id]);
  const singlePoints = explainSinglePoints(core.count, core.neighbourhood, people, facts.name);
  return {
    kind: EmbeddingKind.INSTITUTION,
    id: facts.id,
    name: facts.name,
    institutionId: facts.id,
    institutionName: facts.name,
    workspaceId: settings.side.id,
    asOf: settings.asOf,
    warmThreshold: settings.threshold,
    maxHops: settings.maxHops,
    roleHolders: facts.roleHolderIds.length,
    reachedRoleHolders: core.neighbourhood.targets.size,
    threads: core.count.threads,
    threadPaths: core.count.paths.map((path) => ({ people: path.map((id) => profile(people, id)) })),
    singlePointsOfFailure: singlePoints,
    ...levelFields(core.highestLevel),
    ...core.judgement,
    colour: colourOf(core.judgement.verdict),
    activity: facts.activity,
    activityYearEarlier: facts.activityYearEarlier,
    trend: trendOf(facts.activity, facts.activityYearEarlier),
    programmes: core.programmes.map((p, k) => summarise(p, core.programmeJudgements[k]!)),
    levelCounts: core.levelCounts,
  };
}

export function summarise(core: ProgrammeCore, judgement: Judgement): EmbeddingProgrammeSummary {
  return {
    id: core.facts.id,
    name: core.facts.name,
    ...levelFields(core.level),
    ...judgement,
    colour: colourOf(judgement.verdict),
    threads: core.count.threads,
    singlePointsOfFailure: core.count.singlePointsOfFailure.length,
  };
}

function profile(people: ReadonlyMap<string, PathPerson>, id: string): PathPerson {
  return people.get(id) ?? unknownPerson(id);
}

/** A short why for each single point of failure, in both languages. */
function explainSinglePoints(
  count: ThreadCount,
  neighbourhood: WarmNeighbourhood,
  people: ReadonlyMap<string, PathPerson>,
  organisation: string,
): SinglePointOfFailure[] {
  const thread = count.paths[0] ?? [];
  const end = profile(people, thread.at(-1) ?? "");
  return count.singlePointsOfFailure.map((id) => {
    const person = profile(people, id);
    if (neighbourhood.targets.has(id)) {
      return {
        person,
        whyEn: `${describePerson(person, "en")} is the only person at ${organisation} we reach warmly; if they leave, the link is gone.`,
        whyNl: `${describePerson(person, "nl")} is de enige bij ${organisation} die we warm bereiken; valt die weg, dan is de verbinding weg.`,
      };
    }
    return {
      person,
      whyEn: `Every warm route from the workspace into ${organisation} runs through ${person.name}, who links us to ${describePerson(end, "en")}.`,
      whyNl: `Elke warme route van de werkplaats naar ${organisation} loopt via ${person.name}, die ons verbindt met ${describePerson(end, "nl")}.`,
    };
  });
}
