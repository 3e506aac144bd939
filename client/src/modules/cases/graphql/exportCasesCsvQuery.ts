import { graphql } from "../../../generated";

export const exportCasesCsvQuery = graphql(`
  query ExportCasesCsv {
    exportCasesCsv
  }
`);
