import { i18n } from "../app/i18n";

/**
 * The name the server gives an erased person (server/domains/privacy/erase-person.ts: "Erased person", in the
 * graph, whatever the reader's language), shown in the UI's language. Every other name is shown as it is.
 */
export const ERASED_PERSON_NAME = "Erased person";

export function personName(name: string | null | undefined): string {
  if (name === ERASED_PERSON_NAME) return i18n.t("common.erasedPerson");
  return name ?? "";
}
