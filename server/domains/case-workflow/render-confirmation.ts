import { Language } from "../../platform/model/graph-enums.js";

/** HTML-escapes a value for the message's HTML part. */
function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The confirmation an SME gets after the public form (docs/case-workflow.md "Self-submitted cases"), in the
 * language they used: what we received, what happens next, and the read-only status link.
 */
export function renderConfirmation(input: {
  contactName: string;
  language: Language;
  title: string;
  reference: string;
  statusUrl: string;
}): { subject: string; text: string; html: string } {
  const en = input.language === Language.EN;
  const subject = en ? `We received your question (${input.reference})` : `We hebben uw vraag ontvangen (${input.reference})`;
  const lines = [
    en ? `Dear ${input.contactName},` : `Beste ${input.contactName},`,
    "",
    en
      ? `Thank you for your question "${input.title}". A coordinator of the Digital Workspace for SMEs will look at it and contact you.`
      : `Dank u voor uw vraag "${input.title}". Een coördinator van de Digitale Werkplaats MKB bekijkt hem en neemt contact met u op.`,
    "",
    en ? "You can see where your question stands here:" : "Hier ziet u hoe het met uw vraag staat:",
    input.statusUrl,
    "",
    en ? `Reference: ${input.reference}` : `Kenmerk: ${input.reference}`,
    "",
    en ? "Kind regards," : "Met vriendelijke groet,",
    en ? "Digital Workspace for SMEs" : "Digitale Werkplaats MKB",
  ];
  const html = [
    `<!doctype html><html lang="${en ? "en" : "nl"}"><body style="font-family:sans-serif;line-height:1.4">`,
    `<p>${escapeHtml(lines[0] ?? "")}</p>`,
    `<p>${escapeHtml(lines[2] ?? "")}</p>`,
    `<p>${escapeHtml(lines[4] ?? "")}<br><a href="${escapeHtml(input.statusUrl)}">${escapeHtml(input.statusUrl)}</a></p>`,
    `<p>${escapeHtml(lines[7] ?? "")}</p>`,
    `<p>${escapeHtml(lines[9] ?? "")}<br>${escapeHtml(lines[10] ?? "")}</p></body></html>`,
  ].join("\n");
  return { subject, text: lines.join("\n"), html };
}
