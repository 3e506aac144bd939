import { MappingStatus } from "../../platform/model/graph-enums.js";
import type { Database } from "../../platform/neo4j/database.js";
import { lockAndReadSubject, writeMappingStatus } from "./lock-and-read-subject.js";
import { checkInteractionDate } from "./log-interaction.js";
import { higherMappingStatus } from "./mapping-rules.js";
import {
  MappingSubject,
  type OutreachPerson,
  type OutreachSubjectRef,
  type ReceivedExampleAssignment,
} from "./outreach-types.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { CREATE_EXAMPLE_ASSIGNMENT, READ_TEACHER } from "./statements.js";

export interface AddExampleAssignmentInput {
  teacher: string;
  course: string;
  title: string;
  description?: string | null | undefined;
  received: string;
}

/**
 * Records an example assignment a teacher sent for a course, and moves the course up to
 * EXAMPLES_RECEIVED when it was lower (an AGREEMENT stays). One transaction.
 */
export async function addExampleAssignment(db: Database, input: AddExampleAssignmentInput): Promise<ReceivedExampleAssignment> {
  const received = checkInteractionDate(input.received, "received");
  const title = input.title.trim();
  if (!title) throw new DomainError(ErrorCode.BAD_USER_INPUT, "An example assignment needs a title.", "title");
  const description = input.description?.trim() ? input.description.trim() : null;

  return db.writeTx(async (tx) => {
    const teachers = await tx.run(READ_TEACHER, { id: input.teacher });
    const teacher = teachers[0]?.teacher as OutreachPerson | undefined;
    if (!teacher) throw new DomainError(ErrorCode.NOT_FOUND, `No person with id ${input.teacher}.`, "teacher");
    const course = await lockAndReadSubject(tx, MappingSubject.COURSE, input.course);
    if (!course) throw new DomainError(ErrorCode.NOT_FOUND, `No course with id ${input.course}.`, "course");

    const rows = await tx.run(CREATE_EXAMPLE_ASSIGNMENT, {
      teacher: input.teacher,
      course: input.course,
      title,
      description,
      received,
    });
    const status = higherMappingStatus(course.status, MappingStatus.EXAMPLES_RECEIVED);
    if (status !== course.status) await writeMappingStatus(tx, course, status);
    const courseRef: OutreachSubjectRef = { id: course.id, name: course.name };
    return {
      id: String(rows[0]?.id),
      title,
      description,
      received,
      teacher,
      course: courseRef,
      mappingChange: {
        kind: MappingSubject.COURSE,
        id: course.id,
        name: course.name,
        previous: course.status,
        status,
        changed: status !== course.status,
      },
    };
  });
}
