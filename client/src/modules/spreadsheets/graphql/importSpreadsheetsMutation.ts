import { graphql } from "../../../generated";

/** The upload (docs/spreadsheets.md, "Upload in the app"): a dry run first, then the import. */
export const importSpreadsheetsMutation = graphql(`
  mutation ImportSpreadsheets($files: [SpreadsheetFileInput!]!, $dryRun: Boolean!) {
    importSpreadsheets(files: $files, dryRun: $dryRun) {
      dryRun
      files {
        file
        rows
        created
        updated
        unchanged
        rejected
        ignoredColumns
      }
      problems {
        file
        line
        field
        code
        reason
        reasonKey
        reasonValues {
          name
          value
        }
      }
      unmatchedTopics
    }
  }
`);
