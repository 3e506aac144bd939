import type { Database } from "../../platform/neo4j/database.js";
import { parseIsoDate } from "../../platform/validation/parse-values.js";
import { toOutreachInteraction } from "./interaction-projection.js";
import type { OutreachInteraction } from "./outreach-types.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { READ_INTERACTION_LOG, READ_LOG_FILTER_REFERENCES } from "./statements.js";

export interface InteractionLogFilter {
  /** Interactions this person initiated or was contacted in. */
  person?: string | null | undefined;
  /** Interactions about the programme or any of its courses. */
  programme?: string | null | undefined;
  course?: string | null | undefined;
  /** Inclusive ISO dates. */
  from?: string | null | undefined;
  to?: string | null | undefined;
  limit?: number | null | undefined;
}

/** The interaction log, newest first, filtered; unknown ids are NOT_FOUND rather than an empty log. */
export async function readInteractionLog(db: Database, filter: InteractionLogFilter): Promise<OutreachInteraction[]> {
  const from = optionalDate(filter.from, "from");
  const to = optionalDate(filter.to, "to");
  if (from && to && from > to) throw new DomainError(ErrorCode.BAD_USER_INPUT, `from ${from} is after to ${to}.`, "from");
  const limit = filter.limit ?? 200;
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, "limit must be 1 to 10000.", "limit");
  const params = {
    person: filter.person ?? null,
    programme: filter.programme ?? null,
    course: filter.course ?? null,
    from,
    to,
    limit,
  };

  return db.readTx(async (tx) => {
    const found = (await tx.run(READ_LOG_FILTER_REFERENCES, params))[0];
    for (const field of ["person", "programme", "course"] as const) {
      if (!found?.[field]) throw new DomainError(ErrorCode.NOT_FOUND, `No ${field} with id ${String(params[field])}.`, field);
    }
    const rows = await tx.run(READ_INTERACTION_LOG, params);
    return rows.map((r) => toOutreachInteraction(r.interaction));
  });
}

function optionalDate(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined || value === "") return null;
  const parsed = parseIsoDate(value);
  if (!parsed.ok) throw new DomainError(ErrorCode.BAD_USER_INPUT, `${field}: ${parsed.why}.`, field);
  return parsed.value;
}
