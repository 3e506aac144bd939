import type { Database } from "../../platform/neo4j/database.js";
import type { MappingStatus } from "../../platform/model/graph-enums.js";
import { lockAndReadSubject, writeMappingStatus } from "./lock-and-read-subject.js";
import { classifyMappingMove } from "./mapping-rules.js";
import { MappingSubject, type MappingChange } from "./outreach-types.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";

export interface SetMappingStatusInput {
  programme?: string | null | undefined;
  course?: string | null | undefined;
  status: MappingStatus;
  force?: boolean | null | undefined;
}

/**
 * Sets the mapping status of one programme or course. Forward moves (also skipping steps) are
 * allowed; a move back is refused with ILLEGAL_TRANSITION unless `force` is true. One transaction.
 */
export async function setMappingStatus(db: Database, input: SetMappingStatusInput): Promise<MappingChange> {
  const { programme, course } = input;
  if ((programme ? 1 : 0) + (course ? 1 : 0) !== 1) {
    throw new DomainError(
      ErrorCode.BAD_USER_INPUT,
      "Give exactly one of programme or course.",
      programme ? "course" : "programme",
    );
  }
  const kind = programme ? MappingSubject.PROGRAMME : MappingSubject.COURSE;
  const id = (programme ?? course) as string;
  const field = programme ? "programme" : "course";
  return db.writeTx(async (tx) => {
    const subject = await lockAndReadSubject(tx, kind, id);
    if (!subject) throw new DomainError(ErrorCode.NOT_FOUND, `No ${field} with id ${id}.`, field);
    const move = classifyMappingMove(subject.status, input.status);
    if (move === "BACKWARD" && !input.force) {
      throw new DomainError(
        ErrorCode.ILLEGAL_TRANSITION,
        `${subject.name} is at ${subject.status}; going back to ${input.status} needs force: true.`,
        "status",
      );
    }
    if (move !== "SAME") await writeMappingStatus(tx, subject, input.status);
    return { kind, id, name: subject.name, previous: subject.status, status: input.status, changed: move !== "SAME" };
  });
}
