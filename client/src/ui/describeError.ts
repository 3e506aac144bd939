import type { CombinedError } from "urql";

/** One error for the user: what went wrong, and the field to blame when the server named one. */
export interface UserError {
  message: string;
  code?: string;
  field?: string;
  network: boolean;
  /** A sanity check the user may override (force + reason): extensions.overridable (server: check-override.ts). */
  overridable?: boolean;
}

/** Turns urql's combined error into messages the UI can show next to fields or in a box. */
export function describeError(error: CombinedError): UserError[] {
  if (error.networkError) return [{ message: error.networkError.message, network: true }];
  return error.graphQLErrors.map((e) => {
    const code = e.extensions?.code;
    const field = e.extensions?.field;
    return {
      message: e.message,
      network: false,
      ...(typeof code === "string" ? { code } : {}),
      ...(typeof field === "string" ? { field } : {}),
      ...(e.extensions?.overridable === true ? { overridable: true } : {}),
    };
  });
}
