import { Language } from "../../platform/model/graph-enums.js";
import type { DigestEntry } from "./proposal-types.js";

/**
 * One case in a teacher's digest, with the course of theirs it fits best: the DigestEntry a
 * coordinator sees, plus what the e-mail quotes of the case. (The entry's reason names warm paths
 * and track records, so it stays out of the e-mail.)
 */
export interface DigestItem extends DigestEntry {
  question: string | null;
  topics: string[];
  wantedLevels: string[];
  effort: string | null;
  earliestStart: string | null;
  deadline: string | null;
  periodEnd: string | null;
  /**
   * The suggestions' timing factor for this course and the case (read-course-fits.ts): 1 a period inside
   * the window, 0.5 one that starts in it but ends after the deadline, 0 none. The e-mail's claim about
   * the planning is made from this number and nothing else (timingClaim).
   */
  timingScore: number;
}

/** The three answers a teacher can give by clicking, each a link (send-digest.ts signs them). */
export interface AnswerLinks {
  interested: string;
  notNow: string;
  declined: string;
}

export interface DigestText {
  subject: string;
  /** Plain text. */
  body: string;
  html: string;
}

const EFFORT: Record<Language, Record<string, string>> = {
  EN: { SMALL: "a few days", SPRINT: "one sprint", SEMESTER: "a semester" },
  NL: { SMALL: "enkele dagen", SPRINT: "één sprint", SEMESTER: "een semester" },
};

/** Escapes text for HTML (every value in the HTML part comes through here). */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

/**
 * What the message says about the planning, from the suggestions' timing factor (docs/case-workflow.md,
 * "Factors"): only a period that starts in the SME's window and ends by its deadline "fits the planning";
 * one that ends after the deadline is said to, and one outside the window is not claimed at all.
 */
export function timingClaim(
  item: Pick<DigestItem, "timingScore" | "periodName" | "periodStart" | "periodEnd" | "deadline">,
  language: Language,
): string | null {
  const en = language === Language.EN;
  const when =
    item.periodName && item.periodStart && item.periodEnd ? `${item.periodName} (${item.periodStart} – ${item.periodEnd})` : null;
  if (!when) return null;
  if (item.timingScore >= 1) return en ? `${when} fits the SME's planning` : `${when} past in de planning van de ondernemer`;
  if (item.timingScore > 0) {
    return en
      ? `${when} starts in time but ends after the SME's deadline (${item.deadline ?? "…"}), so the team would have to finish early`
      : `${when} begint op tijd maar eindigt na de deadline van de ondernemer (${item.deadline ?? "…"}); het team moet dus eerder klaar zijn`;
  }
  return en
    ? `no period of your course falls inside the SME's planning yet`
    : `geen periode van uw vak valt al binnen de planning van de ondernemer`;
}

function whyOf(item: DigestItem, language: Language): string {
  const en = language === Language.EN;
  const claim = timingClaim(item, language);
  const shared = item.sharedTopics.join(", ");
  return en
    ? `shares ${shared} with your course${claim ? `, and ${claim}` : ""}`
    : `deelt ${shared} met uw vak${claim ? `, en ${claim}` : ""}`;
}

function factsOf(item: DigestItem, language: Language): string[] {
  const en = language === Language.EN;
  return [
    `${en ? "Topics" : "Onderwerpen"}: ${item.topics.join(", ")}`,
    `${en ? "Level" : "Niveau"}: ${item.wantedLevels.join("/")}`,
    ...(item.effort ? [`${en ? "Effort" : "Omvang"}: ${EFFORT[language][item.effort] ?? item.effort}`] : []),
  ];
}

function linkLabels(language: Language): { interested: string; notNow: string; declined: string } {
  return language === Language.EN
    ? { interested: "Interested", notNow: "Not now", declined: "Not for us (say why)" }
    : { interested: "Interesse", notNow: "Nu niet", declined: "Niet voor ons (zeg waarom)" };
}

/**
 * The ready-to-send e-mail: a subject, a plain-text body and the same as HTML, in the teacher's
 * language. With `links` (a sent message) each case carries its three answer links; without (the
 * coordinator's preview) the text asks for a reply instead.
 */
export function renderDigest(input: {
  teacherName: string;
  workspaceName: string;
  date: string;
  language: Language;
  items: DigestItem[];
  links?: ReadonlyMap<string, AnswerLinks>;
}): DigestText {
  const { items, language } = input;
  const n = items.length;
  const en = language === Language.EN;
  const subject = en
    ? `${n} SME ${n === 1 ? "case" : "cases"} for your courses (${input.date})`
    : `${n} ${n === 1 ? "casus" : "casussen"} van mkb-ondernemers voor uw vakken (${input.date})`;
  const greeting = en ? `Dear ${input.teacherName},` : `Beste ${input.teacherName},`;
  const intro = en
    ? `${n === 1 ? "This question" : "These questions"} from SMEs ${n === 1 ? "fits" : "fit"} your courses and ${n === 1 ? "is" : "are"} looking for a student team:`
    : `${n === 1 ? "Deze vraag" : "Deze vragen"} van mkb-ondernemers ${n === 1 ? "past" : "passen"} bij uw vakken en ${n === 1 ? "zoekt" : "zoeken"} een studententeam:`;
  const closing = input.links
    ? en
      ? "Click one of the answers under a case (no sign-in needed); or simply reply to this e-mail. We arrange the rest."
      : "Klik onder een casus op een van de antwoorden (inloggen is niet nodig), of antwoord gewoon op deze e-mail. Wij regelen de rest."
    : en
      ? "Reply to this e-mail if one of them interests you, or if none fits right now; we arrange the rest."
      : "Antwoord op deze e-mail als er een is die u interesseert, of als er nu geen past; wij regelen de rest.";
  const regards = en ? "Kind regards," : "Met vriendelijke groet,";
  const labels = linkLabels(language);

  const lines: string[] = [greeting, "", intro, ""];
  const blocks: string[] = [];
  items.forEach((item, index) => {
    const who = [item.smeName, item.smeCity].filter(Boolean).join(", ");
    const period = item.periodName
      ? ` (${item.periodName}${item.periodStart ? `, ${en ? "from" : "vanaf"} ${item.periodStart}` : ""})`
      : "";
    const course = `${en ? "Course" : "Vak"}: ${item.courseName}${period}`;
    const when =
      item.earliestStart || item.deadline
        ? `${en ? "When" : "Wanneer"}: ${item.earliestStart ?? "…"} ${en ? "to" : "tot"} ${item.deadline ?? "…"}`
        : null;
    // Why, in the teacher's terms: shared themes and timing, nothing about their track record.
    const why = `${en ? "Why" : "Waarom"}: ${whyOf(item, language)}.`;
    const links = input.links?.get(item.caseId);
    lines.push(`${index + 1}. ${item.title}${who ? ` — ${who}` : ""}`);
    if (item.question) lines.push(`   ${item.question}`);
    lines.push(`   ${course}`, `   ${factsOf(item, language).join(" · ")}`);
    if (when) lines.push(`   ${when}`);
    lines.push(`   ${why}`);
    if (links) {
      lines.push(
        `   ${labels.interested}: ${links.interested}`,
        `   ${labels.notNow}: ${links.notNow}`,
        `   ${labels.declined}: ${links.declined}`,
      );
    }
    lines.push("");
    blocks.push(
      [
        `<li style="margin-bottom:1.2em">`,
        `<strong>${escapeHtml(item.title)}</strong>${who ? ` — ${escapeHtml(who)}` : ""}`,
        item.question ? `<br><em>${escapeHtml(item.question)}</em>` : "",
        `<br>${escapeHtml(course)}`,
        `<br>${escapeHtml(factsOf(item, language).join(" · "))}`,
        when ? `<br>${escapeHtml(when)}` : "",
        `<br>${escapeHtml(why)}`,
        links
          ? `<br><a href="${escapeHtml(links.interested)}">${escapeHtml(labels.interested)}</a> · ` +
            `<a href="${escapeHtml(links.notNow)}">${escapeHtml(labels.notNow)}</a> · ` +
            `<a href="${escapeHtml(links.declined)}">${escapeHtml(labels.declined)}</a>`
          : "",
        `</li>`,
      ].join(""),
    );
  });
  lines.push(closing, "", regards, input.workspaceName);
  const html = [
    `<!doctype html><html lang="${en ? "en" : "nl"}"><body style="font-family:sans-serif;line-height:1.4">`,
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    `<ol>${blocks.join("")}</ol>`,
    `<p>${escapeHtml(closing)}</p>`,
    `<p>${escapeHtml(regards)}<br>${escapeHtml(input.workspaceName)}</p>`,
    `</body></html>`,
  ].join("\n");
  return { subject, body: lines.join("\n"), html };
}
