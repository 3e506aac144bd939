import { Language } from "../../platform/model/graph-enums.js";

/**
 * The wording an SME agrees to on the public question form, versioned: a case records the version, the
 * language and the exact text shown, with the date (docs/case-workflow.md "Self-submitted cases"). A new
 * wording is a new version added here; old versions stay, so what someone agreed to can always be read back.
 */
export interface ConsentText {
  version: string;
  nl: string;
  en: string;
}

export const CONSENT_TEXTS: readonly ConsentText[] = [
  {
    version: "2026-12-v1",
    nl:
      "Ik geef de Digitale Werkplaats MKB toestemming om de gegevens in dit formulier (bedrijf, KvK-nummer, contactpersoon, " +
      "e-mail, telefoon en mijn vraag) te bewaren en te gebruiken om mijn vraag te beoordelen en een passende opleiding of " +
      "studententeam te zoeken. De gegevens worden niet voor andere doelen gebruikt; ik kan ze laten inzien of verwijderen.",
    en:
      "I allow the Digital Workspace for SMEs to store and use the data in this form (company, KvK number, contact person, " +
      "e-mail, phone and my question) to assess my question and look for a fitting programme or student team. The data is " +
      "not used for any other purpose; I can ask to see or erase it.",
  },
];

/** The wording the form shows now. */
export const CURRENT_CONSENT: ConsentText = CONSENT_TEXTS[CONSENT_TEXTS.length - 1] as ConsentText;

export function consentText(version: string): ConsentText | null {
  return CONSENT_TEXTS.find((c) => c.version === version) ?? null;
}

export function consentWording(text: ConsentText, language: Language): string {
  return language === Language.EN ? text.en : text.nl;
}
