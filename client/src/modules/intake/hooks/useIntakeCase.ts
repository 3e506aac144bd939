import { useCallback } from "react";
import { useMutation, type CombinedError } from "urql";
import type { CaseIntakeInput } from "../../../generated/graphql";
import { caseChangeTypenames } from "../../cases/hooks/caseChangeTypenames";
import { intakeCaseMutation } from "../graphql/intakeCaseMutation";
import { parseTopics, type IntakeFormValues } from "./validateIntakeForm";

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The form's values as the intake mutation's input: empty fields left out, topics split. */
export function toIntakeInput(v: IntakeFormValues): CaseIntakeInput {
  const hasContact = [v.contactName, v.contactEmail, v.contactPhone, v.contactJobTitle].some((s) => s.trim());
  return {
    title: v.title.trim(),
    question: orNull(v.question),
    topics: parseTopics(v.topics),
    wantedLevels: v.wantedLevels,
    effort: v.effort || null,
    earliestStart: v.earliestStart || null,
    deadline: v.deadline || null,
    coordinator: v.coordinator || null,
    sme: {
      name: v.smeName.trim(),
      kvkNumber: orNull(v.kvkNumber),
      city: orNull(v.city),
      sector: orNull(v.sector),
      size: v.size || null,
    },
    contact: hasContact
      ? {
          name: v.contactName.trim(),
          email: orNull(v.contactEmail),
          phone: orNull(v.contactPhone),
          jobTitle: orNull(v.contactJobTitle),
        }
      : null,
    partner: v.partnerId ? { id: v.partnerId } : null,
  };
}

/** Sends the intake; answers the new case's id, or the error to show. */
export function useIntakeCase(): [
  { fetching: boolean; error: CombinedError | undefined },
  (values: IntakeFormValues) => Promise<{ caseId?: string; error?: CombinedError }>,
] {
  const [state, run] = useMutation(intakeCaseMutation);
  const submit = useCallback(
    async (values: IntakeFormValues) => {
      const answer = await run({ input: toIntakeInput(values) }, { additionalTypenames: caseChangeTypenames });
      const caseId = answer.data?.intakeCase.caseId;
      return caseId ? { caseId } : answer.error ? { error: answer.error } : {};
    },
    [run],
  );
  return [{ fetching: state.fetching, error: state.error }, submit];
}
