import type { Database } from "../../platform/neo4j/database.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import {
  embeddingSettings,
  hangsOnIds,
  institutionCore,
  judgeProgrammeCore,
  namesOf,
  programmeCore,
  type EmbeddingOptions,
  type EmbeddingSettings,
  type InstitutionCore,
  type ProgrammeCore,
} from "./compute-embedding.js";
import { countThreads } from "./count-threads.js";
import { describePeople } from "./describe-people.js";
import { EmbeddingKind } from "./EmbeddingTypes.js";
import type { ImpactIfGone, ImpactOnEmbedding, ImpactWork } from "./EscalationTypes.js";
import { programmeAfter, readLeaders, withTie } from "./find-next-best-contacts.js";
import type { Judgement } from "./judge-embedding.js";
import { readInstitutionFacts, readProgrammeFacts } from "./read-embedding-facts.js";
import { READ_IMPACT_SCOPE, READ_WORK_OF_PERSON } from "./statements.js";
import type { PathPerson } from "./WarmPathTypes.js";
import { withoutPerson } from "./WarmTieStore.js";

/**
 * impactIfGone(person): what would drop if the person left — computed, not guessed: every programme
 * and institution in scope is computed twice, as it is and as if the person were detached (not in W,
 * no warm ties, no roles, no signatures: WarmTieStore's withoutPerson and readProgrammeFacts'
 * `without`), with the same rules as embedding. Listed are those whose threads or level drop.
 *
 * Scope: a person can change a programme only if they are in its warm neighbourhood (then a role
 * holder lies within maxHops − 1 warm ties of them; within maxHops for a coordinator, whose dW is 0),
 * hold a role there, or lead its institution (rung 5); so the programmes and institutions with a role
 * holder within that ball, or whose institution they lead (READ_IMPACT_SCOPE).
 *
 * Replacements: for each drop, up to REPLACEMENTS role holders (outside W) whose warm tie would gain
 * most once the person is gone — ranked like nextBestContacts (level gain, then thread gain) without
 * the path search, then by name and id. Open proposals to them and running sprints they supervise or
 * teach come from READ_WORK_OF_PERSON.
 */

const REPLACEMENTS = 3;

export interface ImpactArgs extends EmbeddingOptions {
  person: string;
}

interface Measured {
  kind: EmbeddingKind;
  id: string;
  name: string;
  threads: number;
  level: number;
  judgement: Judgement;
}

export async function computeImpactIfGone(db: Database, args: ImpactArgs): Promise<ImpactIfGone> {
  const settings = await embeddingSettings(db, args);
  const gone = args.person;
  const profile = (await describePeople(db, [gone])).get(gone);
  if (!profile) throw new DomainError(ErrorCode.NOT_FOUND, `No person has id "${gone}".`, "person");
  const W = settings.side.coordinatorIds;
  const isCoordinator = W.includes(gone);
  const after: EmbeddingSettings = {
    ...settings,
    side: { ...settings.side, coordinatorIds: W.filter((id) => id !== gone) },
    ties: withoutPerson(settings.ties, gone),
    without: gone,
  };

  // A coordinator (dW = 0) matters to a programme only within maxHops ties of its role holders; anyone else within maxHops − 1.
  const ball = await warmBall(settings, gone, isCoordinator ? settings.maxHops : settings.maxHops - 1);
  const scope = (await db.read(READ_IMPACT_SCOPE, { ball, person: gone }))[0] ?? {};
  const institutionIds = (scope.institutions as string[] | null) ?? [];
  const programmeIds = new Set((scope.programmes as string[] | null) ?? []);

  const drops: ImpactOnEmbedding[] = [];
  const replacementIds = new Map<string, string[]>();
  const [factsBefore, factsAfter] = await Promise.all([
    readInstitutionFacts(db, { institutions: institutionIds, asOf: settings.asOf }),
    readInstitutionFacts(db, { institutions: institutionIds, asOf: settings.asOf, without: gone }),
  ]);
  const orphans = [...programmeIds].filter((id) => !factsBefore.some((f) => f.programmeIds.includes(id)));
  const { management, leaders } = await readLeaders(
    db,
    [...factsBefore.flatMap((f) => f.programmeIds), ...orphans],
    institutionIds,
  );
  const afterById = new Map(factsAfter.map((f) => [f.id, f]));
  for (const facts of factsBefore) {
    const factsNow = afterById.get(facts.id);
    if (!factsNow) continue; // deleted meanwhile
    const before = await institutionCore(db, settings, facts);
    const now = await institutionCore(db, after, factsNow);
    const pairs: Array<[Measured, Measured, () => string[]]> = [
      [
        measureInstitution(before),
        measureInstitution(now),
        () => institutionReplacements(now, after, leaders.get(facts.id) ?? []),
      ],
      ...now.programmes.flatMap((p, j): Array<[Measured, Measured, () => string[]]> => {
        const b = before.programmes.find((x) => x.facts.id === p.facts.id);
        return b
          ? [
              [
                measureProgramme(b, before.programmeJudgements[before.programmes.indexOf(b)]!),
                measureProgramme(p, now.programmeJudgements[j]!),
                () => programmeReplacements(p, after, management.get(p.facts.id) ?? []),
              ],
            ]
          : [];
      }),
    ];
    for (const [b, a, replacements] of pairs) {
      if (a.threads < b.threads || a.level < b.level) {
        drops.push(drop(b, a));
        replacementIds.set(`${a.kind}:${a.id}`, replacements());
      }
    }
  }
  // Programmes offered by no institution (the roll-ups above hold all the others).
  if (orphans.length > 0) {
    const read = (s: EmbeddingSettings) =>
      readProgrammeFacts(db, {
        programmes: orphans,
        coordinators: s.side.coordinatorIds,
        threshold: s.threshold,
        asOf: s.asOf,
        without: s.without ?? null,
      });
    const [before, now] = await Promise.all([read(settings), read(after)]);
    const nowById = new Map(now.map((f) => [f.id, f]));
    for (const facts of before) {
      const factsNow = nowById.get(facts.id);
      if (!factsNow) continue;
      const b = await programmeCore(settings, facts);
      const a = await programmeCore(after, factsNow);
      const names = await namesOf(db, [...hangsOnIds(b.count), ...hangsOnIds(a.count)]);
      const mb = measureProgramme(b, judgeProgrammeCore(b, names));
      const ma = measureProgramme(a, judgeProgrammeCore(a, names));
      if (ma.threads < mb.threads || ma.level < mb.level) {
        drops.push(drop(mb, ma));
        replacementIds.set(`${ma.kind}:${ma.id}`, programmeReplacements(a, after, management.get(facts.id) ?? []));
      }
    }
  }

  const people = await describePeople(db, [...replacementIds.values()].flat());
  for (const d of drops) {
    d.replacements = (replacementIds.get(`${d.kind}:${d.id}`) ?? []).flatMap((id) => {
      const p = people.get(id);
      return p ? [p] : [];
    });
  }
  drops.sort((a, b) =>
    a.kind === b.kind ? a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1) : a.kind === EmbeddingKind.INSTITUTION ? -1 : 1,
  );

  const work = (await db.read(READ_WORK_OF_PERSON, { person: gone, asOf: settings.asOf }))[0] ?? {};
  const openProposals = toWork(work.proposals);
  const runningSprints = toWork(work.sprints);
  const [summaryEn, summaryNl] = summarise(profile, drops, openProposals.length, runningSprints.length);
  return { person: profile, drops, openProposals, runningSprints, summaryEn, summaryNl };
}

/** Everyone within `depth` warm ties of the person (the person too), through the tie store. */
async function warmBall(settings: EmbeddingSettings, person: string, depth: number): Promise<string[]> {
  const { ties, db } = settings;
  const seen = new Set<number>([ties.intern(person)]);
  let frontier = [...seen];
  for (let level = 0; level < depth && frontier.length > 0; level++) {
    await ties.load(db, frontier);
    const next: number[] = [];
    for (const n of frontier) {
      for (const m of ties.neighboursOf(n) ?? []) {
        if (!seen.has(m)) {
          seen.add(m);
          next.push(m);
        }
      }
    }
    frontier = next;
  }
  return [...seen].map((n) => ties.idOf(n));
}

function measureProgramme(core: ProgrammeCore, judgement: Judgement): Measured {
  return {
    kind: EmbeddingKind.PROGRAMME,
    id: core.facts.id,
    name: core.facts.name,
    threads: core.count.threads,
    level: core.level,
    judgement,
  };
}

function measureInstitution(core: InstitutionCore): Measured {
  return {
    kind: EmbeddingKind.INSTITUTION,
    id: core.facts.id,
    name: core.facts.name,
    threads: core.count.threads,
    level: core.highestLevel,
    judgement: core.judgement,
  };
}

function drop(b: Measured, a: Measured): ImpactOnEmbedding {
  return {
    kind: a.kind,
    id: a.id,
    name: a.name,
    threadsBefore: b.threads,
    threadsAfter: a.threads,
    levelBefore: b.level,
    levelAfter: a.level,
    verdictBefore: b.judgement.verdict,
    verdictAfter: a.judgement.verdict,
    reasonAfterEn: a.judgement.verdictReasonEn,
    reasonAfterNl: a.judgement.verdictReasonNl,
    replacements: [],
  };
}

interface Gain {
  id: string;
  level: number;
  threads: number;
}

function best(gains: Gain[]): string[] {
  return gains
    .filter((g) => g.level > 0 || g.threads > 0)
    .sort((a, b) => b.level - a.level || b.threads - a.threads || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, REPLACEMENTS)
    .map((g) => g.id);
}

/** Role holders of the programme (outside W) whose warm tie would gain most, once the person is gone. */
function programmeReplacements(core: ProgrammeCore, settings: EmbeddingSettings, managers: readonly string[]): string[] {
  const W = new Set(settings.side.coordinatorIds);
  return best(
    core.facts.roleHolderIds
      .filter((id) => !W.has(id))
      .map((id) => {
        // A manager's tie lifts rung 3: programmeAfter needs to know the role.
        const a = programmeAfter(core, settings, id, managers.includes(id));
        return { id, level: a.level - core.level, threads: a.threads - core.count.threads };
      }),
  );
}

/** The institution's role holders (outside W) whose warm tie would add most of its own threads; deans and board first when rung 5 is open. */
function institutionReplacements(core: InstitutionCore, settings: EmbeddingSettings, leaders: readonly string[]): string[] {
  const W = new Set(settings.side.coordinatorIds);
  const rung5Open = core.programmes.length > 0 && !core.programmes.some((p) => p.holds[5]);
  return best(
    core.facts.roleHolderIds
      .filter((id) => !W.has(id) && id !== settings.without)
      .map((id) => ({
        id,
        level: rung5Open && leaders.includes(id) ? 5 - core.highestLevel : 0,
        threads:
          countThreads(withTie(core.neighbourhood, settings.side.coordinatorIds, core.facts.roleHolderIds, id)).threads -
          core.count.threads,
      })),
  );
}

function toWork(value: unknown): ImpactWork[] {
  return ((value as Array<Record<string, unknown>> | null) ?? []).map((w) => ({
    id: String(w.id),
    kind: String(w.kind),
    title: String(w.title ?? w.id),
    courseName: (w.courseName as string | null) ?? null,
  }));
}

function summarise(
  person: PathPerson,
  drops: readonly ImpactOnEmbedding[],
  proposals: number,
  sprints: number,
): [string, string] {
  const p = drops.filter((d) => d.kind === EmbeddingKind.PROGRAMME).length;
  const i = drops.length - p;
  if (drops.length === 0 && proposals === 0 && sprints === 0) {
    return [
      `If ${person.name} left, no thread or level would drop, and no open proposal or running sprint hangs on them.`,
      `Als ${person.name} wegvalt, daalt geen draad of niveau, en hangt er geen open voorstel of lopende sprint aan.`,
    ];
  }
  return [
    `If ${person.name} left: ${p} programme${p === 1 ? "" : "s"} and ${i} institution${i === 1 ? "" : "s"} would lose threads or level; ${proposals} open proposal${proposals === 1 ? "" : "s"} and ${sprints} running sprint${sprints === 1 ? "" : "s"} hang on them.`,
    `Als ${person.name} wegvalt: ${p} ${p === 1 ? "opleiding" : "opleidingen"} en ${i} ${i === 1 ? "instelling" : "instellingen"} verliezen draden of niveau; ${proposals} ${proposals === 1 ? "open voorstel hangt" : "open voorstellen hangen"} en ${sprints} ${sprints === 1 ? "lopende sprint hangt" : "lopende sprints hangen"} aan hen.`,
  ];
}
