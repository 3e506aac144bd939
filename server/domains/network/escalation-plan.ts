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
  type ProgrammeCore,
} from "./compute-embedding.js";
import { countThreads } from "./count-threads.js";
import { describePeople, unknownPerson } from "./describe-people.js";
import { EmbeddingKind } from "./EmbeddingTypes.js";
import { EscalationNeed, type EscalationPlan, type EscalationStep } from "./EscalationTypes.js";
import { ladderLevel, ladderNames, ladderRungs } from "./evaluate-ladder.js";
import { describePerson } from "./explain-warm-path.js";
import { programmeAfter, readLeaders, withTie } from "./find-next-best-contacts.js";
import { viewPaths } from "./find-warm-paths.js";
import { rankWarmPaths } from "./rank-warm-paths.js";
import { readInstitutionFacts, readProgrammeFacts } from "./read-embedding-facts.js";
import type { PathPerson, WarmPath } from "./WarmPathTypes.js";

/**
 * escalationPlan: the route up for a programme or an institution — teacher → programme coordinator
 * or director (rung 3) → a structural agreement (rung 4) → dean or board member (rung 5). One step per
 * rung that does not hold yet and lies above the current level (for an institution: above the level
 * of at least one of its programmes), lowest rung first; docs/network-analytics.md states the rules.
 *
 * - Rung 3: among the coordinators and directors (outside W) of the programmes below level 3, the one
 *   whose warm tie would raise a programme most (programmeAfter, as in nextBestContacts: level gain,
 *   then thread gain); among equal gains the best path (a warm path beats one of any strength, then
 *   the higher score), then name and id. At most PATHS_PER_RUNG candidates get a path search.
 * - Rung 4: for the programme below level 4 with the highest level (then name), a structural
 *   agreement covering one of its courses; through its coordinator or director with a warm tie, else
 *   the one who signed, else the rung-3 step's person, else its best-reached manager.
 * - Rung 5: among the deans and board members of the institution, the best path (warm first, then
 *   score), then the institution's own thread gain; an institution-level agreement they sign lifts
 *   every programme to level 5.
 * A rung with no one recorded in the role is still a step, with person null and FIND_PERSON.
 */

const PATHS_PER_RUNG = 10;

export interface EscalationArgs extends EmbeddingOptions {
  programme?: string | null;
  institution?: string | null;
}

interface Reached {
  path: WarmPath | null;
  warm: boolean;
}

interface Option {
  person: string;
  programme: ProgrammeCore | null;
  threadsBefore: number;
  threadsAfter: number;
  levelBefore: number;
  levelAfter: number;
}

export async function planEscalation(db: Database, args: EscalationArgs): Promise<EscalationPlan> {
  if ((args.programme ? 1 : 0) + (args.institution ? 1 : 0) !== 1) {
    throw new DomainError(
      ErrorCode.BAD_USER_INPUT,
      "Give exactly one of programme and institution.",
      args.programme ? "institution" : "programme",
    );
  }
  const settings = await embeddingSettings(db, args);
  const W = settings.side.coordinatorIds;
  const inW = new Set(W);

  // The programmes in view, the institution (for rung 5) and the figures before.
  let programmes: ProgrammeCore[];
  let institution: { id: string; name: string; roleHolderIds: string[]; threads: number } | null = null;
  let institutionNeighbourhood: Parameters<typeof withTie>[0] | null = null;
  let plan: Omit<EscalationPlan, "steps">;
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
    const core = await programmeCore(settings, facts);
    programmes = [core];
    if (facts.institutionId) {
      institution = {
        id: facts.institutionId,
        name: facts.institutionName ?? "",
        roleHolderIds: [],
        threads: core.count.threads,
      };
    }
    const judgement = judgeProgrammeCore(core, await namesOf(db, [...hangsOnIds(core.count), ...core.facts.activeContacts]));
    plan = {
      kind: EmbeddingKind.PROGRAMME,
      id: facts.id,
      name: facts.name,
      level: core.level,
      threads: core.count.threads,
      verdict: judgement.verdict,
    };
  } else {
    const facts = (await readInstitutionFacts(db, { institutions: [args.institution!], asOf: settings.asOf }))[0];
    if (!facts) throw new DomainError(ErrorCode.NOT_FOUND, `No institution has id "${args.institution}".`, "institution");
    const core = await institutionCore(db, settings, facts);
    programmes = core.programmes;
    institution = { id: facts.id, name: facts.name, roleHolderIds: facts.roleHolderIds, threads: core.count.threads };
    institutionNeighbourhood = core.neighbourhood;
    plan = {
      kind: EmbeddingKind.INSTITUTION,
      id: facts.id,
      name: facts.name,
      level: core.highestLevel,
      threads: core.count.threads,
      verdict: core.judgement.verdict,
    };
  }

  const { management, leaders } = await readLeaders(
    db,
    programmes.map((p) => p.facts.id),
    institution ? [institution.id] : [],
  );
  const focus = [plan.id];
  const paths = new Map<string, Reached>();
  const reach = async (person: string): Promise<Reached> => {
    const known = paths.get(person);
    if (known) return known;
    const found = await bestPath(db, settings, person, focus);
    paths.set(person, found);
    return found;
  };
  const profiles = await describePeople(db, [...[...management.values()].flat(), ...[...leaders.values()].flat()], focus);

  const steps: EscalationStep[] = [];

  // Rung 3: programme management.
  const below3 = programmes.filter((p) => p.level < 3 && !p.holds[3]);
  let rung3: Option | null = null;
  if (below3.length > 0) {
    const options: Option[] = below3.flatMap((p) =>
      (management.get(p.facts.id) ?? [])
        .filter((id) => !inW.has(id))
        .map((id) => {
          const after = programmeAfter(p, settings, id, true);
          return {
            person: id,
            programme: p,
            threadsBefore: p.count.threads,
            threadsAfter: after.threads,
            levelBefore: p.level,
            levelAfter: after.level,
          };
        }),
    );
    rung3 = await pickBest(options, reach, profiles);
    const focusProgramme =
      rung3?.programme ?? below3.slice().sort((a, b) => b.level - a.level || a.facts.name.localeCompare(b.facts.name))[0]!;
    steps.push(
      await step(3, rung3, focusProgramme, rung3 ? await reach(rung3.person) : null, profiles, settings, {
        missingEn: `Find out who coordinates or directs ${focusProgramme.facts.name}: no one is recorded.`,
        missingNl: `Zoek uit wie ${focusProgramme.facts.name} coördineert of leidt: er is niemand vastgelegd.`,
      }),
    );
  }

  // Rung 4: a structural agreement for the programme closest to it.
  const below4 = programmes
    .filter((p) => p.level < 4 && !p.holds[4])
    .sort((a, b) => b.level - a.level || a.facts.name.localeCompare(b.facts.name));
  const target4 = below4[0];
  if (target4) {
    const withWarmTie = target4.facts.managementWithWarmTie.filter((id) => !inW.has(id));
    const via =
      withWarmTie[0] ??
      target4.facts.managementWhoSigned.filter((id) => !inW.has(id))[0] ??
      (rung3?.programme === target4 ? rung3.person : undefined) ??
      (
        await pickBest(
          (management.get(target4.facts.id) ?? [])
            .filter((id) => !inW.has(id))
            .map((id) => ({ person: id, programme: target4, threadsBefore: 0, threadsAfter: 0, levelBefore: 0, levelAfter: 0 })),
          reach,
          profiles,
        )
      )?.person;
    const levelAfter = ladderLevel(ladderRungs(target4.count.threads, { ...target4.facts, structuralAgreements: ["(to sign)"] }));
    const option: Option | null =
      via === undefined
        ? null
        : {
            person: via,
            programme: target4,
            threadsBefore: target4.count.threads,
            threadsAfter: target4.count.threads,
            levelBefore: target4.level,
            levelAfter,
          };
    const s = await step(4, option, target4, via === undefined ? null : await reach(via), profiles, settings, {
      missingEn: `Find out who coordinates or directs ${target4.facts.name}: no one is recorded to sign a structural agreement.`,
      missingNl: `Zoek uit wie ${target4.facts.name} coördineert of leidt: er is niemand vastgelegd om een structurele afspraak te tekenen.`,
      agreement: true,
    });
    if (via === undefined) Object.assign(s, { levelAfter, gainLevel: levelAfter - target4.level });
    steps.push(s);
  }

  // Rung 5: the institution's deans and board members.
  const rung5Open = institution !== null && programmes.length > 0 && !programmes.some((p) => p.holds[5]);
  if (institution && rung5Open) {
    const inst = institution;
    const levelBefore = plan.level;
    const options: Option[] = (leaders.get(inst.id) ?? []).map((id) => ({
      person: id,
      programme: null,
      threadsBefore: plan.threads,
      threadsAfter: inW.has(id)
        ? plan.threads
        : institutionNeighbourhood !== null
          ? countThreads(withTie(institutionNeighbourhood, W, inst.roleHolderIds, id)).threads
          : countThreads(withTie(programmes[0]!.neighbourhood, W, programmes[0]!.facts.roleHolderIds, id)).threads,
      levelBefore,
      levelAfter: 5,
    }));
    // For rung 5 the route comes first (any dean can sign), then the threads it adds.
    const best = await pickBest(options, reach, profiles, true);
    const s = await step(5, best, null, best ? await reach(best.person) : null, profiles, settings, {
      missingEn: `Find out who the dean or board of ${inst.name} is: no one is recorded.`,
      missingNl: `Zoek uit wie de decaan of het bestuur van ${inst.name} is: er is niemand vastgelegd.`,
      agreement: true,
      institution: inst.name,
      subject:
        plan.kind === EmbeddingKind.PROGRAMME
          ? { en: `${plan.name} (and every programme of ${inst.name})`, nl: `${plan.name} (en elke opleiding van ${inst.name})` }
          : lifted(programmes.filter((p) => p.level < 5).length, inst.name),
    });
    if (!best)
      Object.assign(s, {
        threadsBefore: plan.threads,
        threadsAfter: plan.threads,
        levelBefore,
        levelAfter: 5,
        gainLevel: 5 - levelBefore,
      });
    steps.push(s);
  }

  return { ...plan, steps };
}

/** The best warm path to a person (k = 1, minStrength = the warm threshold), else the best of any strength. */
async function bestPath(db: Database, settings: EmbeddingSettings, person: string, focus: readonly string[]): Promise<Reached> {
  const search = (minStrength: number) =>
    rankWarmPaths(db, {
      sources: settings.side.coordinatorIds,
      targets: [person],
      avoid: [],
      k: 1,
      maxHops: settings.maxHops,
      minStrength,
    });
  const warm = await search(settings.threshold);
  if (warm.length > 0) return { path: (await viewPaths(db, warm, focus))[0] ?? null, warm: true };
  const any = await search(0);
  return { path: (await viewPaths(db, any, focus))[0] ?? null, warm: false };
}

/**
 * The best option: by level gain, then thread gain (unless `routeFirst`), then a warm path before
 * one of any strength, then the path's score, then name and id. Paths are searched for the first
 * PATHS_PER_RUNG options by gain only.
 */
async function pickBest(
  options: Option[],
  reach: (person: string) => Promise<Reached>,
  profiles: ReadonlyMap<string, PathPerson>,
  routeFirst = false,
): Promise<Option | null> {
  if (options.length === 0) return null;
  const gain = (o: Option) => (routeFirst ? 0 : (o.levelAfter - o.levelBefore) * 1000 + (o.threadsAfter - o.threadsBefore));
  const byGain = options
    .slice()
    .sort((a, b) => gain(b) - gain(a))
    .slice(0, PATHS_PER_RUNG);
  const reached = new Map<string, Reached>();
  for (const o of byGain) reached.set(o.person, await reach(o.person));
  const route = (o: Option) => {
    const r = reached.get(o.person);
    return [r?.path ? (r.warm ? 2 : 1) : 0, Math.round((r?.path?.score ?? 0) * 1e9)] as const;
  };
  const name = (o: Option) => profiles.get(o.person)?.name ?? o.person;
  byGain.sort(
    (a, b) =>
      gain(b) - gain(a) ||
      route(b)[0] - route(a)[0] ||
      route(b)[1] - route(a)[1] ||
      (routeFirst ? b.threadsAfter - b.threadsBefore - (a.threadsAfter - a.threadsBefore) : 0) ||
      name(a).localeCompare(name(b)) ||
      (a.person < b.person ? -1 : a.person > b.person ? 1 : 0),
  );
  return byGain[0] ?? null;
}

interface StepText {
  missingEn: string;
  missingNl: string;
  agreement?: boolean;
  institution?: string;
  /** What the step lifts, when not the step's programme. */
  subject?: { en: string; nl: string };
}

function lifted(n: number, institution: string): { en: string; nl: string } {
  return {
    en: `${n} programme${n === 1 ? "" : "s"} of ${institution}`,
    nl: `${n} ${n === 1 ? "opleiding" : "opleidingen"} van ${institution}`,
  };
}

async function step(
  rung: number,
  option: Option | null,
  programme: ProgrammeCore | null,
  reached: Reached | null,
  profiles: ReadonlyMap<string, PathPerson>,
  settings: EmbeddingSettings,
  text: StepText,
): Promise<EscalationStep> {
  const names = ladderNames[rung]!;
  const base = {
    rung,
    rungNameEn: names.en,
    rungNameNl: names.nl,
    programmeId: programme?.facts.id ?? null,
    programmeName: programme?.facts.name ?? null,
  };
  if (!option) {
    const level = programme?.level ?? 0;
    const threads = programme?.count.threads ?? 0;
    return {
      ...base,
      person: null,
      path: null,
      warm: false,
      introducer: null,
      threadsBefore: threads,
      threadsAfter: threads,
      levelBefore: level,
      levelAfter: level,
      gainThreads: 0,
      gainLevel: 0,
      needs: [EscalationNeed.FIND_PERSON],
      needsEn: text.missingEn,
      needsNl: text.missingNl,
      reasonEn: text.missingEn,
      reasonNl: text.missingNl,
    };
  }
  const person = profiles.get(option.person) ?? unknownPerson(option.person);
  const path = reached?.path ?? null;
  const introducer = path && path.hops >= 2 ? (path.steps[path.steps.length - 2]?.person ?? null) : null;
  const first = path?.steps[0]?.person.name ?? "";
  const needs: EscalationNeed[] = [];
  const en: string[] = [];
  const nl: string[] = [];
  if (!path) {
    needs.push(EscalationNeed.COLD_APPROACH);
    en.push(`a cold approach (no route to ${person.name} within ${settings.maxHops} ties)`);
    nl.push(`een koude benadering (geen route naar ${person.name} binnen ${settings.maxHops} banden)`);
  } else if (introducer) {
    needs.push(EscalationNeed.INTRODUCTION);
    en.push(`an introduction by ${introducer.name}${reached?.warm ? "" : " (the route is not warm all the way)"}`);
    nl.push(`een introductie door ${introducer.name}${reached?.warm ? "" : " (de route is niet overal warm)"}`);
  } else if (!reached?.warm) {
    needs.push(EscalationNeed.WARM_UP);
    en.push(`a meeting: ${first} knows ${person.name}, but not warmly yet`);
    nl.push(`een afspraak: ${first} kent ${person.name}, maar nog niet warm`);
  }
  if (text.agreement) {
    needs.push(EscalationNeed.AGREEMENT);
    if (rung === 5) {
      en.push(`an institution-level agreement of ${text.institution ?? ""}, signed by them`);
      nl.push(`een afspraak op instellingsniveau van ${text.institution ?? ""}, door hen getekend`);
    } else {
      en.push(`a structural agreement covering a course of ${programme?.facts.name ?? ""}, signed`);
      nl.push(`een structurele afspraak voor een vak van ${programme?.facts.name ?? ""}, getekend`);
    }
  }
  const needsEn = en.length > 0 ? `${capital(en.join("; then "))}.` : "Nothing new: the tie is warm already.";
  const needsNl = nl.length > 0 ? `${capital(nl.join("; daarna "))}.` : "Niets nieuws: de band is al warm.";
  const from = ladderNames[option.levelBefore]!;
  const to = ladderNames[option.levelAfter]!;
  const what = text.subject ?? { en: programme?.facts.name ?? "", nl: programme?.facts.name ?? "" };
  const gainThreads = option.threadsAfter - option.threadsBefore;
  const threadsEn =
    gainThreads > 0
      ? ` and add ${gainThreads === 1 ? "a thread" : `${gainThreads} threads`} (${option.threadsBefore} → ${option.threadsAfter})`
      : "";
  const threadsNl =
    gainThreads > 0
      ? ` en ${gainThreads === 1 ? "een draad" : `${gainThreads} draden`} toevoegen (${option.threadsBefore} → ${option.threadsAfter})`
      : "";
  return {
    ...base,
    person,
    path,
    warm: reached?.warm ?? false,
    introducer,
    threadsBefore: option.threadsBefore,
    threadsAfter: option.threadsAfter,
    levelBefore: option.levelBefore,
    levelAfter: option.levelAfter,
    gainThreads,
    gainLevel: option.levelAfter - option.levelBefore,
    needs,
    needsEn,
    needsNl,
    reasonEn: `${describePerson(person, "en")} would lift ${what.en} from level ${option.levelBefore} (${from.en}) to level ${option.levelAfter} (${to.en})${threadsEn}.`,
    reasonNl: `${describePerson(person, "nl")} zou ${what.nl} van niveau ${option.levelBefore} (${from.nl}) naar niveau ${option.levelAfter} (${to.nl}) tillen${threadsNl}.`,
  };
}

function capital(text: string): string {
  return text.length === 0 ? text : `${text[0]!.toUpperCase()}${text.slice(1)}`;
}
