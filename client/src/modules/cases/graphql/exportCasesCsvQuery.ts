import { graphql } from "../../../generated";

/** The cases as CSV, with their topics' labels in the reader's language (docs/spreadsheets.md, cases export). */
export const exportCasesCsvQuery = graphql(`
  query ExportCasesCsv($language: Language) {
    exportCasesCsv(language: $language)
  }
`);
