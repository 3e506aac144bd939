import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { Access } from "../../platform/auth/Access.js";
import type { GraphQLContext, Mailer } from "../../platform/graphql/context.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { Cost } from "../../platform/limits/Cost.js";
import type { PublicFormGuard } from "../../platform/limits/limit-submissions.js";
import { PublicCaseStatus, QuestionForm, QuestionReceipt, QuestionSubmissionInput } from "./public-question-types.js";
import { readPublicStatus, readQuestionForm } from "./read-public-status.js";
import { submitQuestion } from "./submit-question.js";

function servicesOf(ctx: GraphQLContext): { mailer: Mailer; guard: PublicFormGuard } {
  if (!ctx.mailer || !ctx.publicForm) {
    throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, "The public question form is not set up in this server.");
  }
  return { mailer: ctx.mailer, guard: ctx.publicForm };
}

/**
 * The public door for SMEs (issue #18 part 1): the form's settings, sending a question, and the read-only status
 * behind the link in the confirmation. Reachable without signing in (PUBLIC), each with a small cost so an
 * anonymous caller's budget (ANONYMOUS_MAX_QUERY_COST) holds them. docs/case-workflow.md "Self-submitted cases".
 */
@Resolver()
export class PublicQuestionResolver {
  @Query(() => QuestionForm, {
    description: "What the public question form needs: a form token, the consent wording, the partners.",
  })
  @Access("PUBLIC")
  @Cost("questionForm")
  async questionForm(@Ctx() ctx: GraphQLContext): Promise<QuestionForm> {
    const { mailer, guard } = servicesOf(ctx);
    return readQuestionForm(ctx.db, mailer.services, guard.minFillSeconds);
  }

  @Mutation(() => QuestionReceipt, {
    description:
      "An SME's question from the public form: an INTAKE case through the intake rules (SME by KvK number), marked self-submitted, with its consent; a confirmation with a status link goes to the SME. One transaction. Limited per address.",
  })
  @Access("PUBLIC")
  @Cost("submitQuestion")
  async submitQuestion(
    @Ctx() ctx: GraphQLContext,
    @Arg("input", () => QuestionSubmissionInput) input: QuestionSubmissionInput,
  ): Promise<QuestionReceipt> {
    const { mailer, guard } = servicesOf(ctx);
    // The request's own transaction stays empty: the case and its confirmation commit together on the mailer's
    // database before the attempt to send, as every message does (docs/mail.md).
    return submitQuestion(mailer.db, mailer.services, guard, { submission: input, address: ctx.ip ?? "unknown" });
  }

  @Query(() => PublicCaseStatus, { description: "A status link's case: its title, state and dates only." })
  @Access("PUBLIC")
  @Cost("caseStatusByLink")
  async caseStatusByLink(@Ctx() ctx: GraphQLContext, @Arg("token", () => String) token: string): Promise<PublicCaseStatus> {
    const { mailer } = servicesOf(ctx);
    return readPublicStatus(ctx.db, mailer.services, token);
  }
}
