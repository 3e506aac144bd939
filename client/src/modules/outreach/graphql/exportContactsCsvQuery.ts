import { graphql } from "../../../generated";

/** The contact list: personal data (names, e-mail, phone). */
export const exportContactsCsvQuery = graphql(`
  query ExportContactsCsv {
    exportContactsCsv
  }
`);
