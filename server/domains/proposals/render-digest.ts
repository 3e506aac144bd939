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
}

export interface DigestText {
  subject: string;
  body: string;
}

const EFFORT: Record<Language, Record<string, string>> = {
  EN: { SMALL: "a few days", SPRINT: "one sprint", SEMESTER: "a semester" },
  NL: { SMALL: "enkele dagen", SPRINT: "één sprint", SEMESTER: "een semester" },
};

/**
 * The ready-to-send e-mail: a subject and a plain-text body, in the teacher's language. Plain text
 * so it pastes into any mail client unchanged.
 */
export function renderDigest(input: {
  teacherName: string;
  workspaceName: string;
  date: string;
  language: Language;
  items: DigestItem[];
}): DigestText {
  const { items, language } = input;
  const n = items.length;
  const en = language === Language.EN;
  const subject = en
    ? `${n} SME ${n === 1 ? "case" : "cases"} for your courses (${input.date})`
    : `${n} ${n === 1 ? "casus" : "casussen"} van mkb-ondernemers voor uw vakken (${input.date})`;

  const lines: string[] = [];
  lines.push(en ? `Dear ${input.teacherName},` : `Beste ${input.teacherName},`, "");
  lines.push(
    en
      ? `${n === 1 ? "This question" : "These questions"} from SMEs ${n === 1 ? "fits" : "fit"} your courses and ${n === 1 ? "is" : "are"} looking for a student team:`
      : `${n === 1 ? "Deze vraag" : "Deze vragen"} van mkb-ondernemers ${n === 1 ? "past" : "passen"} bij uw vakken en ${n === 1 ? "zoekt" : "zoeken"} een studententeam:`,
    "",
  );
  items.forEach((item, index) => {
    const who = [item.smeName, item.smeCity].filter(Boolean).join(", ");
    lines.push(`${index + 1}. ${item.title}${who ? ` — ${who}` : ""}`);
    if (item.question) lines.push(`   ${item.question}`);
    const period = item.periodName
      ? ` (${item.periodName}${item.periodStart ? `, ${en ? "from" : "vanaf"} ${item.periodStart}` : ""})`
      : "";
    lines.push(`   ${en ? "Course" : "Vak"}: ${item.courseName}${period}`);
    const facts = [
      `${en ? "Topics" : "Onderwerpen"}: ${item.topics.join(", ")}`,
      `${en ? "Level" : "Niveau"}: ${item.wantedLevels.join("/")}`,
      ...(item.effort ? [`${en ? "Effort" : "Omvang"}: ${EFFORT[language][item.effort] ?? item.effort}`] : []),
    ];
    lines.push(`   ${facts.join(" · ")}`);
    if (item.earliestStart || item.deadline) {
      lines.push(`   ${en ? "When" : "Wanneer"}: ${item.earliestStart ?? "…"} ${en ? "to" : "tot"} ${item.deadline ?? "…"}`);
    }
    // The e-mail says why in the teacher's terms: shared themes and timing, nothing about their track record.
    const when =
      item.periodName && item.periodStart && item.periodEnd
        ? `${item.periodName} (${item.periodStart} – ${item.periodEnd})`
        : null;
    const why = en
      ? `shares ${item.sharedTopics.join(", ")} with your course${when ? `, and ${when} fits the SME's planning` : ""}`
      : `deelt ${item.sharedTopics.join(", ")} met uw vak${when ? `, en ${when} past in de planning van de ondernemer` : ""}`;
    lines.push(`   ${en ? "Why" : "Waarom"}: ${why}.`, "");
  });
  lines.push(
    en
      ? "Reply to this e-mail if one of them interests you, or if none fits right now; we arrange the rest."
      : "Antwoord op deze e-mail als er een is die u interesseert, of als er nu geen past; wij regelen de rest.",
    "",
    en ? "Kind regards," : "Met vriendelijke groet,",
    input.workspaceName,
  );
  return { subject, body: lines.join("\n") };
}
