import { graphql } from "../../../generated";

export const intakeCaseMutation = graphql(`
  mutation IntakeCase($input: CaseIntakeInput!) {
    intakeCase(input: $input) {
      caseId
      status
      smeId
      smeCreated
    }
  }
`);
