import type { TFunction } from "i18next";
import type { CombinedError } from "urql";
import { describeError } from "../../../ui/describeError";

/**
 * A refused write as the form shows it: messages per field (the server names the field in
 * extensions.field, input-rules.ts), in the user's language by the error's code, and the rest for
 * a box under the form. The server's English sentence stays as the detail for codes with no words here.
 */
export function serverErrors(
  error: CombinedError | undefined,
  t: TFunction,
  fields: readonly string[],
): { byField: Record<string, string>; general: string[] } {
  const byField: Record<string, string> = {};
  const general: string[] = [];
  if (!error) return { byField, general };
  for (const e of describeError(error)) {
    if (e.network) {
      general.push(t("common.networkErrorDetail"));
      continue;
    }
    const text = e.code ? t(`mapping.serverCodes.${e.code}`, { defaultValue: e.message, detail: e.message }) : e.message;
    const field = e.field?.split(".").pop();
    if (field && fields.includes(field) && !byField[field]) byField[field] = text;
    else general.push(text);
  }
  return { byField, general };
}

/** Two names the same when written alike: case, accents and spacing aside. */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "")
      .replace(/\s+/g, " ")
      .trim()
      .toLowerCase();
  return norm(a) === norm(b);
}

/** A `{ connect: [{ where: { node: { id } } }] }` for a generated relationship input. */
export function connectIds(ids: readonly string[]) {
  return { connect: ids.map((id) => ({ where: { node: { id: { eq: id } } } })) };
}
