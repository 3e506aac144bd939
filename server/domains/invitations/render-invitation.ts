import { Language } from "../../platform/model/graph-enums.js";

export interface InvitationText {
  subject: string;
  body: string;
  html: string;
}

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/**
 * The invitation message, plain text and HTML (every value escaped), in the person's language (NL default): who
 * invites, what the portal shows them, the link and until when it works.
 */
export function renderInvitation(input: {
  personName: string;
  inviterName: string | null;
  role: "INSTITUTION_CONTACT" | "TEACHER";
  link: string;
  expiresOn: string;
  language: Language;
}): InvitationText {
  const en = input.language === Language.EN;
  const who = input.inviterName ?? (en ? "The Digital Workspace for SMEs" : "De Digitale Werkplaats MKB");
  const what = en
    ? input.role === "TEACHER"
      ? "the cases that fit your courses, the proposals waiting for your answer and your running sprints"
      : "the cases that fit your programme, your agreements with their capacity per period, and a way to pass a case on to a colleague"
    : input.role === "TEACHER"
      ? "de casussen die bij je vakken passen, de voorstellen die op je antwoord wachten en je lopende sprints"
      : "de casussen die bij je opleiding passen, je afspraken met hun capaciteit per periode, en een manier om een casus door te sturen naar een collega";
  const subject = en ? "Your invitation to the Digital Workspace for SMEs" : "Je uitnodiging voor de Digitale Werkplaats MKB";
  const lines = en
    ? [
        `Dear ${input.personName},`,
        "",
        `${who} invites you to the workspace's portal. There you see ${what}.`,
        "",
        "Choose your password with this link (it works once, until " + input.expiresOn + "):",
        input.link,
        "",
        "Did you not expect this message? Then you can ignore it; nothing happens without the link.",
      ]
    : [
        `Beste ${input.personName},`,
        "",
        `${who} nodigt je uit voor het portaal van de werkplaats. Daar zie je ${what}.`,
        "",
        "Kies je wachtwoord met deze link (die werkt één keer, tot " + input.expiresOn + "):",
        input.link,
        "",
        "Verwachtte je dit bericht niet? Dan kun je het negeren; zonder de link gebeurt er niets.",
      ];
  const body = lines.join("\n");
  const html = [
    `<p>${escapeHtml(lines[0] ?? "")}</p>`,
    `<p>${escapeHtml(lines[2] ?? "")}</p>`,
    `<p>${escapeHtml(lines[4] ?? "")}<br><a href="${escapeHtml(input.link)}">${escapeHtml(en ? "Choose your password" : "Kies je wachtwoord")}</a></p>`,
    `<p>${escapeHtml(lines[7] ?? "")}</p>`,
  ].join("\n");
  return { subject, body, html };
}
