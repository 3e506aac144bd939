import type { Random } from "./create-random.js";
import type { CourseInfo, Education } from "./build-education.js";
import { PersonFactory } from "./PersonFactory.js";
import { DEAN_AND_BOARD, type CoordinatorName } from "./programmes.js";

/**
 * The workspace coordinator who deals with a course: the one holding the warm route to its teacher,
 * at the dean-and-board institution the one who knows the dean or the board member, else anyone.
 */
export function chooseCoordinator(
  education: Education,
  course: CourseInfo,
  coordinatorIds: Record<CoordinatorName, string>,
  rng: Random,
): string {
  const programme = education.programmes.get(course.programmeId);
  if (programme?.seed.reach === "DEAN_AND_BOARD") {
    return coordinatorIds[rng.pick([DEAN_AND_BOARD.dean.coordinator, DEAN_AND_BOARD.board.coordinator])];
  }
  const entries = programme?.seed.entries ?? [];
  const entry = entries.find((e) => PersonFactory.idFor(e.person) === course.contactTeacherId) ?? entries[0];
  return entry ? coordinatorIds[entry.coordinator] : rng.pick(Object.values(coordinatorIds));
}
