import { GraphQLError } from "graphql";

export type InputErrorCode = "BAD_USER_INPUT" | "NOT_FOUND";

/** One thing wrong with an input: the domain field to blame and where in the arguments it sits. */
export interface InputProblem {
  code: InputErrorCode;
  message: string;
  /** The field's name in the domain (e.g. `kvkNumber`), what a form puts the message next to. */
  field: string;
  /** Where in the arguments, e.g. `input.0.sme.create.0.node.kvkNumber`. */
  argumentPath: string;
}

/** The first problem as the error; all of them in `extensions.problems` (a form can mark each field). */
export function inputError(problems: InputProblem[]): GraphQLError {
  const [first] = problems;
  if (!first) return new GraphQLError("Invalid input.", { extensions: { code: "BAD_USER_INPUT" } });
  return new GraphQLError(first.message, {
    extensions: {
      code: first.code,
      field: first.field,
      argumentPath: first.argumentPath,
      ...(problems.length > 1 ? { problems: problems.map(({ message, field, argumentPath, code }) => ({ code, message, field, argumentPath })) } : {}),
    },
  });
}
