import { Language } from "../../platform/model/graph-enums.js";
import { escapeHtml, type AnswerLinks, type DigestText } from "./render-digest.js";

/** The one reminder a teacher gets a few days before a proposal expires (docs/mail.md), with the same three answers. */
export function renderReminder(input: {
  teacherName: string;
  workspaceName: string;
  language: Language;
  caseTitle: string;
  smeName: string | null;
  courseName: string | null;
  sentOn: string;
  expiresOn: string;
  links: AnswerLinks;
}): DigestText {
  const en = input.language === Language.EN;
  const what = `${input.caseTitle}${input.smeName ? ` — ${input.smeName}` : ""}`;
  const subject = en
    ? `Reminder: ${input.caseTitle} (until ${input.expiresOn})`
    : `Herinnering: ${input.caseTitle} (tot ${input.expiresOn})`;
  const lines = [
    en ? `Dear ${input.teacherName},` : `Beste ${input.teacherName},`,
    "",
    en
      ? `On ${input.sentOn} we sent you this SME's question${input.courseName ? ` for ${input.courseName}` : ""}; it stays reserved for you until ${input.expiresOn}:`
      : `Op ${input.sentOn} stuurden we u deze vraag van een ondernemer${input.courseName ? ` voor ${input.courseName}` : ""}; die blijft tot ${input.expiresOn} voor u gereserveerd:`,
    "",
    `   ${what}`,
    "",
    en ? "One click is enough:" : "Eén klik is genoeg:",
    `   ${en ? "Interested" : "Interesse"}: ${input.links.interested}`,
    `   ${en ? "Not now" : "Nu niet"}: ${input.links.notNow}`,
    `   ${en ? "Not for us (say why)" : "Niet voor ons (zeg waarom)"}: ${input.links.declined}`,
    "",
    en ? "Kind regards," : "Met vriendelijke groet,",
    input.workspaceName,
  ];
  const html = [
    `<!doctype html><html lang="${en ? "en" : "nl"}"><body style="font-family:sans-serif;line-height:1.4">`,
    ...lines
      .slice(0, 6)
      .filter((l) => l !== "")
      .map((l) => `<p>${escapeHtml(l.trim())}</p>`),
    `<p><a href="${escapeHtml(input.links.interested)}">${en ? "Interested" : "Interesse"}</a> · `,
    `<a href="${escapeHtml(input.links.notNow)}">${en ? "Not now" : "Nu niet"}</a> · `,
    `<a href="${escapeHtml(input.links.declined)}">${en ? "Not for us (say why)" : "Niet voor ons (zeg waarom)"}</a></p>`,
    `<p>${en ? "Kind regards," : "Met vriendelijke groet,"}<br>${escapeHtml(input.workspaceName)}</p></body></html>`,
  ].join("\n");
  return { subject, body: lines.join("\n"), html };
}
