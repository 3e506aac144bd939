import { graphql } from "../../../generated";

/** What the public question form needs when it opens (no sign-in): a form token, the consent wording, the partners. */
export const questionFormQuery = graphql(`
  query QuestionForm {
    questionForm {
      formToken
      minFillSeconds
      consent {
        version
        nl
        en
      }
      partners {
        id
        name
      }
    }
  }
`);

export const submitQuestionMutation = graphql(`
  mutation SubmitQuestion($input: QuestionSubmissionInput!) {
    submitQuestion(input: $input) {
      received
      reference
      confirmationSent
      statusPath
    }
  }
`);

export const caseStatusByLinkQuery = graphql(`
  query CaseStatusByLink($token: String!) {
    caseStatusByLink(token: $token) {
      title
      status
      since
      received
      language
    }
  }
`);
