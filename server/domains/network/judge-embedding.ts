import { EmbeddingColour, EmbeddingVerdict } from "./EmbeddingTypes.js";
import { ladderNames } from "./evaluate-ladder.js";

/**
 * The verdicts (RED, AMBER, GREEN) of programmes and institutions, with a reason in both languages,
 * decided here and only here; the pages show them as they come (docs/network-analytics.md,
 * "Verdicts"). Depth alone never makes green: a programme or institution that hangs on one thread
 * is at best amber, whatever its level.
 */

/** An institution is green only when at least this share of its role holders is reached warmly. */
export const MIN_REACHED_SHARE = 0.25;
/** … and at most this share of its programmes with a thread hang on exactly one thread. */
export const MAX_SINGLE_THREAD_SHARE = 0.5;

export interface Judgement {
  verdict: EmbeddingVerdict;
  verdictReasonEn: string;
  verdictReasonNl: string;
}

export function colourOf(verdict: EmbeddingVerdict): EmbeddingColour {
  return { RED: EmbeddingColour.RED, AMBER: EmbeddingColour.AMBER, GREEN: EmbeddingColour.GREEN }[verdict];
}

export function joinNames(list: readonly string[], lang: "en" | "nl"): string {
  if (list.length <= 1) return list.join("");
  return `${list.slice(0, -1).join(", ")} ${lang === "en" ? "and" : "en"} ${list.at(-1)}`;
}

const levelEn = (level: number) => `level ${level} (${ladderNames[level]?.en ?? ""})`;
const levelNl = (level: number) => `niveau ${level} (${ladderNames[level]?.nl ?? ""})`;

/** "hangs on one person: X" — or, when several people each alone would cut the one thread, all of them. */
function hangsOn(who: readonly string[]): [string, string] {
  if (who.length <= 1) return [`hangs on one person: ${who[0] ?? "?"}`, `hangt aan één persoon: ${who[0] ?? "?"}`];
  return [
    `hangs on one thread: every warm route runs through ${joinNames(who, "en")}`,
    `hangt aan één draad: elke warme route loopt via ${joinNames(who, "nl")}`,
  ];
}

export interface ProgrammeJudgementInput {
  name: string;
  threads: number;
  level: number;
  /** When threads = 1: the people the one thread hangs on (its single points of failure, else its end). */
  hangsOn: readonly string[];
  /** Names of its active institution contacts (#18): they scout for us; the reason says so. */
  activeContacts?: readonly string[];
}

/**
 * A programme's verdict, with its active institution contacts (#18) named at the end of the reason when it has any
 * (they lift rung 3 when they lead the programme, evaluate-ladder.ts; the verdict follows the level):
 *   GREEN — threads ≥ 2 and level ≥ 3 (depth and redundancy);
 *   AMBER — threads ≥ 2 at level 2; threads = 1 at level ≥ 3 ("deep, but hangs on one person");
 *           threads = 0 at level ≥ 3 (an agreement, but no warm route);
 *   RED   — otherwise: no thread and level < 3, or one thread at level 1.
 */
export function judgeProgramme(p: ProgrammeJudgementInput): Judgement {
  const judgement = judgeProgrammeLevel(p);
  const active = p.activeContacts ?? [];
  if (active.length === 0) return judgement;
  return judged(
    judgement.verdict,
    `${judgement.verdictReasonEn} Active institution contact${active.length === 1 ? "" : "s"}: ${joinNames(active, "en")} (scouting through the portal).`,
    `${judgement.verdictReasonNl} Actieve contactpersoon${active.length === 1 ? "" : "en"} in de instelling: ${joinNames(active, "nl")} (scout${active.length === 1 ? "t" : "en"} via het portaal).`,
  );
}

function judgeProgrammeLevel(p: ProgrammeJudgementInput): Judgement {
  const { threads: n, level } = p;
  if (n >= 2 && level >= 3) {
    return judged(
      EmbeddingVerdict.GREEN,
      `Deep and redundant: ${p.name} stands at ${levelEn(level)} with ${n} threads that share no one outside the workspace.`,
      `Diep en dubbel: ${p.name} staat op ${levelNl(level)} met ${n} draden die buiten de werkplaats niemand delen.`,
    );
  }
  if (n >= 2) {
    return judged(
      EmbeddingVerdict.AMBER,
      `${n} threads into ${p.name}, but nothing above teacher level yet (${levelEn(level)}).`,
      `${n} draden naar ${p.name}, maar nog niets boven docentniveau (${levelNl(level)}).`,
    );
  }
  if (n === 1) {
    const [en, nl] = hangsOn(p.hangsOn);
    if (level >= 3) {
      return judged(EmbeddingVerdict.AMBER, `Deep (${levelEn(level)}), but ${en}.`, `Diep (${levelNl(level)}), maar ${nl}.`);
    }
    return judged(
      EmbeddingVerdict.RED,
      `One thread at teacher level: ${p.name} ${en}.`,
      `Eén draad op docentniveau: ${p.name} ${nl}.`,
    );
  }
  if (level >= 3) {
    return judged(
      EmbeddingVerdict.AMBER,
      `${p.name} stands at ${levelEn(level)}, but we reach no one there warmly.`,
      `${p.name} staat op ${levelNl(level)}, maar we bereiken er niemand warm.`,
    );
  }
  return judged(EmbeddingVerdict.RED, `No warm route into ${p.name}.`, `Geen warme route naar ${p.name}.`);
}

export interface InstitutionJudgementInput {
  name: string;
  /** The institution's own threads into R(I). */
  threads: number;
  roleHolders: number;
  reachedRoleHolders: number;
  /** When threads = 1: the people the one thread hangs on. */
  hangsOn: readonly string[];
  programmes: ReadonlyArray<{ name: string; threads: number; level: number; verdict: EmbeddingVerdict }>;
}

/**
 * An institution's verdict, from more than its best programme:
 *   RED   — no thread of its own and no programme at level ≥ 3;
 *   GREEN — all of: threads ≥ 2; at least one GREEN programme; reached role holders ≥ 25% of its role
 *           holders; of its programmes with a thread, at most half hang on exactly one;
 *   AMBER — otherwise, with the first reason that fits: one thread (the people it hangs on); no warm
 *           route; no green programme; too few role holders reached; too many programmes on one thread.
 */
export function judgeInstitution(i: InstitutionJudgementInput): Judgement {
  const n = i.threads;
  const highest = i.programmes.reduce((max, p) => Math.max(max, p.level), 0);
  const best = i.programmes.find((p) => p.level === highest);
  const green = i.programmes.filter((p) => p.verdict === EmbeddingVerdict.GREEN);
  const withThread = i.programmes.filter((p) => p.threads >= 1);
  const single = withThread.filter((p) => p.threads === 1);
  const reachedEnough = i.reachedRoleHolders >= MIN_REACHED_SHARE * i.roleHolders;
  const fewSingles = single.length <= MAX_SINGLE_THREAD_SHARE * withThread.length;
  const reach: [string, string] = [
    `${i.reachedRoleHolders} of ${i.roleHolders} role holders reached`,
    `${i.reachedRoleHolders} van ${i.roleHolders} rolhouders bereikt`,
  ];
  const singles: [string, string] = [
    `${single.length} of ${withThread.length} programmes we reach hang on one thread`,
    `${single.length} van ${withThread.length} opleidingen die we bereiken hangen aan één draad`,
  ];

  if (n === 0 && highest < 3) {
    return judged(
      EmbeddingVerdict.RED,
      `No warm route into ${i.name} and no programme above level 2.`,
      `Geen warme route naar ${i.name} en geen opleiding boven niveau 2.`,
    );
  }
  if (n >= 2 && green.length > 0 && reachedEnough && fewSingles) {
    return judged(
      EmbeddingVerdict.GREEN,
      `Firmly embedded: ${n} threads into ${i.name}, ${reach[0]}, ${green.length} programme${green.length === 1 ? "" : "s"} green; ${singles[0]}.`,
      `Stevig ingebed: ${n} draden naar ${i.name}, ${reach[1]}, ${green.length} ${green.length === 1 ? "opleiding" : "opleidingen"} groen; ${singles[1]}.`,
    );
  }
  if (n === 1) {
    const [en, nl] = hangsOn(i.hangsOn);
    return judged(EmbeddingVerdict.AMBER, `${i.name} ${en}.`, `${i.name} ${nl}.`);
  }
  if (n === 0) {
    return judged(
      EmbeddingVerdict.AMBER,
      `No warm route into ${i.name}, although ${best?.name ?? i.name} stands at ${levelEn(highest)}.`,
      `Geen warme route naar ${i.name}, al staat ${best?.name ?? i.name} op ${levelNl(highest)}.`,
    );
  }
  if (green.length === 0) {
    if (highest <= 2) {
      return judged(
        EmbeddingVerdict.AMBER,
        `${n} threads into ${i.name}, but no programme gets beyond ${levelEn(highest)}: nothing above teacher level yet.`,
        `${n} draden naar ${i.name}, maar geen opleiding komt verder dan ${levelNl(highest)}: nog niets boven docentniveau.`,
      );
    }
    return judged(
      EmbeddingVerdict.AMBER,
      `${n} threads into ${i.name}, but no programme is both deep and redundant: ${best?.name ?? i.name} stands at ${levelEn(highest)} on ${best?.threads ?? 0} thread${best?.threads === 1 ? "" : "s"}.`,
      `${n} draden naar ${i.name}, maar geen opleiding is diep én dubbel: ${best?.name ?? i.name} staat op ${levelNl(highest)} met ${best?.threads ?? 0} ${best?.threads === 1 ? "draad" : "draden"}.`,
    );
  }
  if (!reachedEnough) {
    return judged(
      EmbeddingVerdict.AMBER,
      `Only ${reach[0]} at ${i.name} (${Math.round(MIN_REACHED_SHARE * 100)}% needed for green).`,
      `Slechts ${reach[1]} bij ${i.name} (${Math.round(MIN_REACHED_SHARE * 100)}% nodig voor groen).`,
    );
  }
  return judged(
    EmbeddingVerdict.AMBER,
    `Fragile across ${i.name}: ${singles[0]} (at most half for green).`,
    `Kwetsbaar binnen ${i.name}: ${singles[1]} (hooguit de helft voor groen).`,
  );
}

function judged(verdict: EmbeddingVerdict, verdictReasonEn: string, verdictReasonNl: string): Judgement {
  return { verdict, verdictReasonEn, verdictReasonNl };
}
