import { graphql } from "../../../generated";

/** Courses and their teachers, to pick where an example assignment came from. */
export const coursesWithTeachersQuery = graphql(`
  query CoursesWithTeachers {
    courses(sort: [{ name: ASC }]) {
      id
      name
      programme {
        id
        name
      }
      teachers(sort: [{ name: ASC }]) {
        id
        name
      }
    }
  }
`);
