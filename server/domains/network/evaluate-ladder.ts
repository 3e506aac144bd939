import type { LadderRung } from "./EmbeddingTypes.js";
import type { Lang } from "./explain-warm-path.js";
import { ACTIVE_CONTACT_DAYS, type ProgrammeFacts } from "./read-embedding-facts.js";

/**
 * The embedding ladder of a programme P. Each rung is a condition checked on its own; the level is
 * the highest rung that holds (rung 0 always holds).
 *   0 none                 — always (no warm path when nothing above holds)
 *   1 single teacher       — threads ≥ 1: at least one warm path from W into R(P)
 *   2 several teachers     — threads ≥ 2
 *   3 programme management — a coordinator or director of P has a warm tie to W (or is in W), or
 *                            signed an agreement for P or one of its courses that is active, or
 *                            a coordinator or director of P, or a dean of its institution, is an active
 *                            institution contact (claimed or forwarded a case through the portal, #18)
 *   4 curriculum           — an active agreement marked structural covers a course of P, or P's
 *                            sprints ran in two or more distinct teaching periods in the 12 months
 *   5 board                — an active institution-level agreement covering P's institution,
 *                            signed by a dean or board member of that institution
 */

export const ladderNames: ReadonlyArray<Record<Lang, string>> = [
  { en: "none", nl: "geen" },
  { en: "single teacher", nl: "één docent" },
  { en: "several teachers", nl: "meerdere docenten" },
  { en: "programme management", nl: "opleidingsmanagement" },
  { en: "curriculum", nl: "curriculum" },
  { en: "board", nl: "bestuur" },
];

export type LadderFacts = Pick<
  ProgrammeFacts,
  "managementWithWarmTie" | "managementWhoSigned" | "structuralAgreements" | "sprintPeriods" | "boardAgreements"
> &
  Partial<Pick<ProgrammeFacts, "activeManagementContacts">>;

/** Which rungs hold, index = rung. */
export function ladderRungs(threads: number, facts: LadderFacts): boolean[] {
  return [
    true,
    threads >= 1,
    threads >= 2,
    facts.managementWithWarmTie.length > 0 ||
      facts.managementWhoSigned.length > 0 ||
      (facts.activeManagementContacts?.length ?? 0) > 0,
    facts.structuralAgreements.length > 0 || facts.sprintPeriods.length >= 2,
    facts.boardAgreements.length > 0,
  ];
}

export function ladderLevel(holds: readonly boolean[]): number {
  return holds.lastIndexOf(true);
}

export interface LadderContext {
  programme: string;
  institution: string | null;
  threads: number;
  maxHops: number;
  threshold: number;
  asOf: string;
  facts: LadderFacts;
  /** Display names by person id, for rung 3. */
  names: ReadonlyMap<string, string>;
}

function list(ids: readonly string[], names: ReadonlyMap<string, string>, lang: Lang): string {
  const named = ids.map((id) => names.get(id) ?? id);
  if (named.length <= 1) return named.join("");
  return `${named.slice(0, -1).join(", ")} ${lang === "en" ? "and" : "en"} ${named.at(-1)}`;
}

/** Every rung with whether it holds and why, in both languages. */
export function describeLadder(ctx: LadderContext): LadderRung[] {
  const holds = ladderRungs(ctx.threads, ctx.facts);
  const { programme: p, threads: n, facts } = ctx;
  const inst = ctx.institution ?? p;
  const active = facts.activeManagementContacts ?? [];
  const reasons: Array<[string, string]> = [
    [
      n === 0
        ? `No warm path from the workspace into ${p} within ${ctx.maxHops} ties of strength ≥ ${ctx.threshold}.`
        : `Holds for every programme.`,
      n === 0
        ? `Geen warm pad van de werkplaats naar ${p} binnen ${ctx.maxHops} banden van sterkte ≥ ${ctx.threshold}.`
        : `Geldt voor elke opleiding.`,
    ],
    n >= 1
      ? [`${n} warm thread${n === 1 ? "" : "s"} into ${p}.`, `${n} warme ${n === 1 ? "draad" : "draden"} naar ${p}.`]
      : [`No warm thread into ${p}.`, `Geen warme draad naar ${p}.`],
    n >= 2
      ? [`${n} threads that share no one outside the workspace.`, `${n} draden die buiten de werkplaats niemand delen.`]
      : [
          `${n} thread${n === 1 ? "" : "s"}; a second needs a warm route through other people.`,
          `${n} ${n === 1 ? "draad" : "draden"}; een tweede vraagt een warme route via andere mensen.`,
        ],
    holds[3]
      ? [
          [
            facts.managementWithWarmTie.length > 0
              ? `${list(facts.managementWithWarmTie, ctx.names, "en")} (coordinator or director) has a warm tie to the workspace`
              : "",
            facts.managementWhoSigned.length > 0
              ? `${list(facts.managementWhoSigned, ctx.names, "en")} signed an active agreement for ${p}`
              : "",
            active.length > 0
              ? `${list(active, ctx.names, "en")} scouts for us: claimed or forwarded a case through the portal in the last ${ACTIVE_CONTACT_DAYS} days`
              : "",
          ]
            .filter(Boolean)
            .join("; ") + ".",
          [
            facts.managementWithWarmTie.length > 0
              ? `${list(facts.managementWithWarmTie, ctx.names, "nl")} (coördinator of directeur) heeft een warme band met de werkplaats`
              : "",
            facts.managementWhoSigned.length > 0
              ? `${list(facts.managementWhoSigned, ctx.names, "nl")} tekende een lopende afspraak voor ${p}`
              : "",
            active.length > 0
              ? `${list(active, ctx.names, "nl")} scout voor ons: claimde of stuurde een casus door via het portaal in de laatste ${ACTIVE_CONTACT_DAYS} dagen`
              : "",
          ]
            .filter(Boolean)
            .join("; ") + ".",
        ]
      : [
          `No coordinator or director of ${p} has a warm tie to the workspace or signed an active agreement for it.`,
          `Geen coördinator of directeur van ${p} heeft een warme band met de werkplaats of tekende een lopende afspraak.`,
        ],
    holds[4]
      ? [
          facts.structuralAgreements.length > 0
            ? `A structural agreement covers a course of ${p}.`
            : `Sprints ran in ${facts.sprintPeriods.length} teaching periods in the 12 months up to ${ctx.asOf}.`,
          facts.structuralAgreements.length > 0
            ? `Een structurele afspraak dekt een vak van ${p}.`
            : `Er liepen sprints in ${facts.sprintPeriods.length} onderwijsperiodes in de 12 maanden tot ${ctx.asOf}.`,
        ]
      : [
          `No structural agreement covers a course of ${p}, and sprints ran in ${facts.sprintPeriods.length} teaching period${facts.sprintPeriods.length === 1 ? "" : "s"} in the 12 months (two needed).`,
          `Geen structurele afspraak dekt een vak van ${p}, en sprints liepen in ${facts.sprintPeriods.length} onderwijsperiode${facts.sprintPeriods.length === 1 ? "" : "s"} in de 12 maanden (twee nodig).`,
        ],
    holds[5]
      ? [
          `An institution-level agreement of ${inst}, signed by its dean or a board member, is active.`,
          `Een afspraak op instellingsniveau van ${inst}, getekend door de decaan of een bestuurslid, loopt.`,
        ]
      : [
          `No active institution-level agreement of ${inst} signed by its dean or a board member.`,
          `Geen lopende afspraak op instellingsniveau van ${inst}, getekend door de decaan of een bestuurslid.`,
        ],
  ];
  return holds.map((h, level) => ({
    level,
    nameEn: ladderNames[level]!.en,
    nameNl: ladderNames[level]!.nl,
    holds: h,
    reasonEn: reasons[level]![0],
    reasonNl: reasons[level]![1],
  }));
}
