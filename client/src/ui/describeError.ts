import type { CombinedError } from "urql";
import { i18n } from "../app/i18n";

/** One error for the user: what went wrong, and the field to blame when the server named one. */
export interface UserError {
  /** In the UI's language: the server's own sentence in English, a translation of its code in Dutch. */
  message: string;
  /** The server's sentence (English), for a tooltip or a report to the administrator. */
  serverMessage: string;
  code?: string;
  field?: string;
  network: boolean;
  /** A sanity check the user may override (force + reason): extensions.overridable (server: check-override.ts). */
  overridable?: boolean;
}

/**
 * The sentence for a server error in the UI's language. The server writes English sentences and a stable code
 * (ErrorCode, server/platform/graphql/domain-error.ts); every code has a translation under `serverErrors` in the
 * locales (tests/unit/client-error-codes.test.ts keeps them complete), so a Dutch page never shows English.
 * In English the server's own, more specific sentence is shown.
 */
export function translateServerError(code: string | undefined, serverMessage: string): string {
  if (i18n.language === "en" && serverMessage) return serverMessage;
  const key = `serverErrors.${code ?? "UNKNOWN"}`;
  return i18n.exists(key) ? i18n.t(key) : i18n.t("serverErrors.UNKNOWN");
}

/** Turns urql's combined error into messages the UI can show next to fields or in a box. */
export function describeError(error: CombinedError): UserError[] {
  if (error.networkError) {
    return [{ message: i18n.t("common.networkErrorDetail"), serverMessage: error.networkError.message, network: true }];
  }
  return error.graphQLErrors.map((e) => {
    const code = e.extensions?.code;
    const field = e.extensions?.field;
    const known = typeof code === "string" ? code : undefined;
    return {
      message: translateServerError(known, e.message),
      serverMessage: e.message,
      network: false,
      ...(known ? { code: known } : {}),
      ...(typeof field === "string" ? { field } : {}),
      ...(e.extensions?.overridable === true ? { overridable: true } : {}),
    };
  });
}
