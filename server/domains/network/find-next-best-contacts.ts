import type { Database } from "../../platform/neo4j/database.js";
import { checkAtLeastOne } from "./check-network-input.js";
import {
  embeddingSettings,
  institutionCore,
  programmeCore,
  type EmbeddingOptions,
  type EmbeddingSettings,
  type ProgrammeCore,
} from "./compute-embedding.js";
import { countThreads, type ThreadGraph } from "./count-threads.js";
import { describePeople, unknownPerson } from "./describe-people.js";
import type { NextBestContact } from "./EmbeddingTypes.js";
import { ladderLevel, ladderNames, ladderRungs } from "./evaluate-ladder.js";
import { describePerson, roleLabels } from "./explain-warm-path.js";
import { viewPaths } from "./find-warm-paths.js";
import { rankWarmPaths } from "./rank-warm-paths.js";
import { readInstitutionFacts, readProgrammeFacts } from "./read-embedding-facts.js";
import { READ_LEADERS } from "./statements.js";
import { NetworkRoleKind, type PathPerson, type WarmPath } from "./WarmPathTypes.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";

/**
 * nextBestContacts: the role holders whose engagement would raise the threads or the level most.
 * "Engaging" a person means the workspace gains a direct warm tie with them (strength ≥ the warm
 * threshold; e.g. a coordinator is introduced and meets them). For each role holder outside W we
 * add that one tie to the warm neighbourhood and recount exactly:
 *   - threads: the max-flow again, with the new tie (for an institution: its own threads);
 *   - level: the ladder again with the new threads, and rung 3 holding when the person coordinates
 *     or directs the programme; for an institution, the largest rise among the programmes where the
 *     person holds a role. Rung 4 rests on agreements and sprints, which a tie does not change.
 *   - deans and board members of the institution (for a programme: of its institution; they are
 *     candidates there too) open the route to rung 5: while rung 5 does not hold, their level after
 *     is 5 (`needsAgreement`: an institution-level agreement they sign), for an institution the rise
 *     of its highest level. Their thread gain is counted like anyone's (an institution's own threads).
 * Only people with a gain are listed: by level gain, then thread gain, then the score of the best
 * warm path to them (any strength, so a route to a cold contact shows too), then name and id.
 */

export interface NextBestArgs extends EmbeddingOptions {
  programme?: string | null;
  institution?: string | null;
  limit?: number | null;
}

interface Candidate {
  id: string;
  threadsBefore: number;
  threadsAfter: number;
  levelBefore: number;
  levelAfter: number;
  programme: { id: string; name: string } | null;
  /** The level after rests on an institution-level agreement they sign (rung 5). */
  needsAgreement: boolean;
  /** For rung 5: how many programmes it would lift (and the institution's name). */
  lifts: { programmes: number; institution: string } | null;
}

/** The coordinators and directors per programme, and the deans and board members per institution. */
export async function readLeaders(
  db: Database,
  programmes: readonly string[],
  institutions: readonly string[],
): Promise<{ management: Map<string, string[]>; leaders: Map<string, string[]> }> {
  const rows = await db.read(READ_LEADERS, { programmes, institutions });
  const management = new Map<string, string[]>();
  const leaders = new Map<string, string[]>();
  for (const row of rows) {
    (row.kind === "PROGRAMME" ? management : leaders).set(String(row.id), (row.people as string[] | null) ?? []);
  }
  return { management, leaders };
}

/** The thread graph with one extra warm tie between W and `person`. */
export function withTie(
  graph: ThreadGraph,
  coordinators: readonly string[],
  targets: readonly string[],
  person: string,
): ThreadGraph {
  const anchor = coordinators[0];
  const neighbours = new Map<string, string[]>([...graph.neighbours].map(([k, v]) => [k, [...v]]));
  if (anchor !== undefined) {
    neighbours.set(anchor, [...(neighbours.get(anchor) ?? []), person]);
    neighbours.set(person, [...(neighbours.get(person) ?? []), anchor]);
  }
  return {
    sources: new Set(coordinators),
    targets: new Set([...graph.targets, ...targets.filter((t) => t === person)]),
    neighbours,
  };
}

export function manages(profile: PathPerson | undefined, programmeId: string): boolean {
  return (profile?.roles ?? []).some(
    (r) =>
      r.programmeId === programmeId && (r.kind === NetworkRoleKind.PROGRAMME_COORDINATOR || r.kind === NetworkRoleKind.DIRECTOR),
  );
}

/** Level and threads of a programme if `person` had a warm tie to W. */
export function programmeAfter(core: ProgrammeCore, settings: EmbeddingSettings, person: string, isManager: boolean) {
  const threads = countThreads(
    withTie(core.neighbourhood, settings.side.coordinatorIds, core.facts.roleHolderIds, person),
  ).threads;
  const facts = isManager ? { ...core.facts, managementWithWarmTie: [...core.facts.managementWithWarmTie, person] } : core.facts;
  return { threads, level: ladderLevel(ladderRungs(threads, facts)) };
}

/**
 * Each candidate is a max-flow (or one per programme) on a copy of the neighbourhood, all in JavaScript with
 * nothing to wait for: hundreds of candidates at 6 hops held the event loop for over half a second
 * (bench/cost-load.ts, event-loop delay max 639 ms). Every SLICE_MS the loop lets other requests in.
 */
const SLICE_MS = 10;

async function mapSliced<T, R>(items: readonly T[], work: (item: T) => R): Promise<R[]> {
  const out: R[] = [];
  let since = performance.now();
  for (const item of items) {
    if (performance.now() - since >= SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      since = performance.now();
    }
    out.push(work(item));
  }
  return out;
}

export async function findNextBestContacts(db: Database, args: NextBestArgs): Promise<NextBestContact[]> {
  if ((args.programme ? 1 : 0) + (args.institution ? 1 : 0) !== 1) {
    throw new DomainError(
      ErrorCode.BAD_USER_INPUT,
      "Give exactly one of programme and institution.",
      args.programme ? "institution" : "programme",
    );
  }
  const limit = checkAtLeastOne(args.limit ?? 5, "limit");
  const settings = await embeddingSettings(db, args);
  const W = settings.side.coordinatorIds;
  const inW = new Set(W);

  let candidates: Candidate[];
  let focus: string;
  if (args.programme) {
    const facts = (
      await readProgrammeFacts(db, {
        programmes: [args.programme],
        coordinators: W,
        threshold: settings.threshold,
        asOf: settings.asOf,
      })
    )[0];
    if (!facts) throw new DomainError(ErrorCode.NOT_FOUND, `No programme has id "${args.programme}".`, "programme");
    focus = facts.id;
    const core = await programmeCore(settings, facts);
    const people = facts.roleHolderIds.filter((id) => !inW.has(id));
    const profiles = await describePeople(db, people, [facts.id]);
    candidates = await mapSliced(people, (id): Candidate => {
      const after = programmeAfter(core, settings, id, manages(profiles.get(id), core.facts.id));
      return {
        id,
        threadsBefore: core.count.threads,
        threadsAfter: after.threads,
        levelBefore: core.level,
        levelAfter: after.level,
        programme: { id: facts.id, name: facts.name },
        needsAgreement: false,
        lifts: null,
      };
    });
    if (facts.institutionId && !core.holds[5]) {
      // Deans and board members open the route to rung 5 for every programme of the institution.
      const { leaders } = await readLeaders(db, [], [facts.institutionId]);
      for (const id of leaders.get(facts.institutionId) ?? []) {
        if (inW.has(id)) continue;
        const threadsAfter = countThreads(withTie(core.neighbourhood, W, facts.roleHolderIds, id)).threads;
        const existing = candidates.find((c) => c.id === id);
        const lifts = { programmes: 1, institution: facts.institutionName ?? "" };
        if (existing) Object.assign(existing, { levelAfter: 5, needsAgreement: true, lifts });
        else
          candidates.push({
            id,
            threadsBefore: core.count.threads,
            threadsAfter,
            levelBefore: core.level,
            levelAfter: 5,
            programme: { id: facts.id, name: facts.name },
            needsAgreement: true,
            lifts,
          });
      }
    }
  } else {
    const facts = (await readInstitutionFacts(db, { institutions: [args.institution!], asOf: settings.asOf }))[0];
    if (!facts) throw new DomainError(ErrorCode.NOT_FOUND, `No institution has id "${args.institution}".`, "institution");
    focus = facts.id;
    const core = await institutionCore(db, settings, facts);
    const people = facts.roleHolderIds.filter((id) => !inW.has(id));
    const [profiles, { leaders }] = await Promise.all([describePeople(db, people, [facts.id]), readLeaders(db, [], [facts.id])]);
    // Rung 5 is the institution's: it holds for all its programmes or for none.
    const rung5Open = core.programmes.length > 0 && !core.programmes.some((p) => p.holds[5]);
    const leaderIds = new Set(leaders.get(facts.id) ?? []);
    candidates = await mapSliced(people, (id): Candidate => {
      const threadsAfter = countThreads(withTie(core.neighbourhood, W, facts.roleHolderIds, id)).threads;
      let best: Candidate["programme"] = null;
      let levelBefore = 0;
      let levelAfter = 0;
      for (const p of core.programmes) {
        if (!p.facts.roleHolderIds.includes(id)) continue;
        const after = programmeAfter(p, settings, id, manages(profiles.get(id), p.facts.id));
        if (best === null || after.level - p.level > levelAfter - levelBefore) {
          best = { id: p.facts.id, name: p.facts.name };
          levelBefore = p.level;
          levelAfter = after.level;
        }
      }
      if (leaderIds.has(id) && rung5Open && 5 - core.highestLevel > levelAfter - levelBefore) {
        const lifts = { programmes: core.programmes.filter((p) => p.level < 5).length, institution: facts.name };
        return {
          id,
          threadsBefore: core.count.threads,
          threadsAfter,
          levelBefore: core.highestLevel,
          levelAfter: 5,
          programme: null,
          needsAgreement: true,
          lifts,
        };
      }
      return {
        id,
        threadsBefore: core.count.threads,
        threadsAfter,
        levelBefore,
        levelAfter,
        programme: best,
        needsAgreement: false,
        lifts: null,
      };
    });
  }

  const gaining = candidates
    .filter((c) => c.levelAfter > c.levelBefore || c.threadsAfter > c.threadsBefore)
    .sort(
      (a, b) =>
        b.levelAfter - b.levelBefore - (a.levelAfter - a.levelBefore) ||
        b.threadsAfter - b.threadsBefore - (a.threadsAfter - a.threadsBefore),
    );

  // Paths are needed only for the gain groups that reach into the first `limit`.
  const gainKey = (c: Candidate) => `${c.levelAfter - c.levelBefore}|${c.threadsAfter - c.threadsBefore}`;
  const needed: Candidate[] = [];
  for (const c of gaining) {
    if (needed.length >= limit && gainKey(c) !== gainKey(needed.at(-1)!)) break;
    needed.push(c);
  }
  const paths = new Map<string, WarmPath | null>();
  for (const c of needed) {
    const ranked = await rankWarmPaths(db, {
      sources: W,
      targets: [c.id],
      avoid: [],
      k: 1,
      maxHops: settings.maxHops,
      minStrength: 0,
    });
    paths.set(c.id, (await viewPaths(db, ranked, [focus]))[0] ?? null);
  }
  const profiles = await describePeople(
    db,
    needed.map((c) => c.id),
    [focus],
  );
  const score = (c: Candidate) => paths.get(c.id)?.score ?? -1;
  needed.sort(
    (a, b) =>
      b.levelAfter - b.levelBefore - (a.levelAfter - a.levelBefore) ||
      b.threadsAfter - b.threadsBefore - (a.threadsAfter - a.threadsBefore) ||
      Math.round(score(b) * 1e9) - Math.round(score(a) * 1e9) ||
      (profiles.get(a.id)?.name ?? "").localeCompare(profiles.get(b.id)?.name ?? "") ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return needed.slice(0, limit).map((c) => {
    const person = profiles.get(c.id) ?? unknownPerson(c.id);
    const [reasonEn, reasonNl] = explainGain(c, person);
    return {
      person,
      threadsBefore: c.threadsBefore,
      threadsAfter: c.threadsAfter,
      levelBefore: c.levelBefore,
      levelAfter: c.levelAfter,
      gainThreads: c.threadsAfter - c.threadsBefore,
      gainLevel: c.levelAfter - c.levelBefore,
      programmeId: c.programme?.id ?? null,
      programmeName: c.programme?.name ?? null,
      needsAgreement: c.needsAgreement,
      reasonEn,
      reasonNl,
      bestPath: paths.get(c.id) ?? null,
    };
  });
}

function explainGain(c: Candidate, person: PathPerson): [string, string] {
  const role = person.roles[0];
  const who = {
    en: role
      ? `${roleLabels[role.kind].en[0]!.toUpperCase()}${roleLabels[role.kind].en.slice(1)}${role.organisation ? ` at ${role.organisation}` : ""}`
      : describePerson(person, "en"),
    nl: role
      ? `${roleLabels[role.kind].nl[0]!.toUpperCase()}${roleLabels[role.kind].nl.slice(1)}${role.organisation ? ` bij ${role.organisation}` : ""}`
      : describePerson(person, "nl"),
  };
  const en: string[] = [];
  const nl: string[] = [];
  if (c.needsAgreement && c.lifts) {
    const from = ladderNames[c.levelBefore]!;
    const to = ladderNames[5]!;
    const what = c.programme
      ? { en: c.programme.name, nl: c.programme.name }
      : {
          en: `${c.lifts.programmes} programme${c.lifts.programmes === 1 ? "" : "s"} of ${c.lifts.institution}`,
          nl: `${c.lifts.programmes} ${c.lifts.programmes === 1 ? "opleiding" : "opleidingen"} van ${c.lifts.institution}`,
        };
    en.push(
      `open the route to level 5 (${to.en}): an institution-level agreement they sign lifts ${what.en} from level ${c.levelBefore} (${from.en}) to 5`,
    );
    nl.push(
      `de route naar niveau 5 (${to.nl}) openen: een afspraak op instellingsniveau die zij tekenen tilt ${what.nl} van niveau ${c.levelBefore} (${from.nl}) naar 5`,
    );
  } else if (c.levelAfter > c.levelBefore && c.programme) {
    const from = ladderNames[c.levelBefore]!;
    const to = ladderNames[c.levelAfter]!;
    en.push(`lift ${c.programme.name} from level ${c.levelBefore} (${from.en}) to level ${c.levelAfter} (${to.en})`);
    nl.push(`${c.programme.name} van niveau ${c.levelBefore} (${from.nl}) naar niveau ${c.levelAfter} (${to.nl}) tillen`);
  }
  if (c.threadsAfter > c.threadsBefore) {
    const n = c.threadsAfter - c.threadsBefore;
    en.push(`add ${n === 1 ? "a thread" : `${n} threads`} (${c.threadsBefore} → ${c.threadsAfter})`);
    nl.push(`${n === 1 ? "een draad" : `${n} draden`} toevoegen (${c.threadsBefore} → ${c.threadsAfter})`);
  }
  return [`${who.en}: a warm tie would ${en.join(" and ")}.`, `${who.nl}: een warme band zou ${nl.join(" en ")}.`];
}
