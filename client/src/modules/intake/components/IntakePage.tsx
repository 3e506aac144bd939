import { useEffect, useState, type FormEvent, type ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useQuery } from "urql";
import { useMyPerson } from "../../auth/hooks/useMyPerson";
import { ErrorMessage } from "../../../ui/ErrorMessage";
import { FormField } from "../../../ui/FormField";
import { PageHeader } from "../../../ui/PageHeader";
import { describeError } from "../../../ui/describeError";
import { intakeOptionsQuery } from "../graphql/intakeOptionsQuery";
import { useIntakeCase } from "../hooks/useIntakeCase";
import { TopicWordsInput } from "../../vocabulary/components/TopicWordsInput";
import {
  emptyIntake,
  serverFieldToFormField,
  validateIntakeForm,
  type IntakeErrors,
  type IntakeFormValues,
} from "../hooks/validateIntakeForm";

const levels = ["WO", "HBO", "MBO"] as const;

/**
 * A new SME question: the SME (found again by KvK number, else name and city), its contact, who
 * referred it, and the case itself. Problems show under their field, all at once before sending,
 * and the server's verdict on the field it names after.
 */
export function IntakePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState<IntakeFormValues>(emptyIntake);
  const [errors, setErrors] = useState<IntakeErrors>({});
  const [serverMessage, setServerMessage] = useState<{ field: keyof IntakeFormValues; message: string } | null>(null);
  const [options] = useQuery({ query: intakeOptionsQuery });
  const [result, submitIntake] = useIntakeCase();
  const me = useMyPerson();
  const [coordinatorTouched, setCoordinatorTouched] = useState(false);
  const coordinators = options.data?.workspaces.flatMap((w) => w.coordinators) ?? [];
  const myCoordinatorId = me && coordinators.some((c) => c.id === me.id) ? me.id : null;

  // The case is handled by "me" unless the coordinator picks someone else (the server defaults to them too).
  useEffect(() => {
    if (myCoordinatorId && !coordinatorTouched) {
      setValues((v) => (v.coordinator === "" ? { ...v, coordinator: myCoordinatorId } : v));
    }
  }, [myCoordinatorId, coordinatorTouched]);

  const set = <K extends keyof IntakeFormValues>(key: K, value: IntakeFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
    if (serverMessage?.field === key) setServerMessage(null);
  };

  const errorFor = (key: keyof IntakeFormValues): string | undefined => {
    if (errors[key]) return t(errors[key] as string);
    return serverMessage?.field === key ? serverMessage.message : undefined;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateIntakeForm(values);
    setErrors(found);
    setServerMessage(null);
    const first = Object.keys(found)[0];
    if (first) {
      // Put the keyboard where the first problem is.
      document.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    const answer = await submitIntake(values);
    if (answer.caseId) {
      navigate(`/cases/${answer.caseId}`, { state: { created: true } });
      return;
    }
    const blamed = answer.error ? describeError(answer.error).find((e) => e.field) : undefined;
    const field = blamed?.field ? serverFieldToFormField[blamed.field] : undefined;
    if (blamed && field) {
      setServerMessage({ field, message: blamed.message });
      document.querySelector<HTMLElement>(`[name="${field}"]`)?.focus();
    }
  }

  const unplacedError = result.error && !describeError(result.error).some((e) => e.field && serverFieldToFormField[e.field]);

  const text = (
    key: keyof IntakeFormValues,
    label: string,
    control: ReactElement | null = null,
    opts: { required?: boolean; hint?: string; type?: string } = {},
  ) => (
    <FormField label={label} error={errorFor(key)} hint={opts.hint} required={opts.required ?? false}>
      {control ?? (
        <input
          name={key}
          type={opts.type ?? "text"}
          value={values[key] as string}
          onChange={(e) => set(key, e.target.value as never)}
          {...(opts.required ? { "aria-required": true } : {})}
        />
      )}
    </FormField>
  );

  return (
    <section>
      <PageHeader title={t("intake.title")} />
      {options.error ? <ErrorMessage error={options.error} /> : null}
      <form className="panel intake-form" onSubmit={(e) => void submit(e)} noValidate aria-describedby="intake-required-note">
        <p id="intake-required-note" className="muted">
          {t("intake.requiredNote")}
        </p>
        <fieldset>
          <legend>{t("intake.sections.case")}</legend>
          <div className="form-grid">
            <div className="wide">{text("title", t("intake.fields.title"), null, { required: true })}</div>
            <div className="wide">
              {text(
                "question",
                t("intake.fields.question"),
                <textarea name="question" rows={3} value={values.question} onChange={(e) => set("question", e.target.value)} />,
              )}
            </div>
            {text(
              "topics",
              t("intake.fields.topics"),
              <TopicWordsInput name="topics" value={values.topics} onChange={(v) => set("topics", v)} />,
              { hint: t("intake.hints.topics") },
            )}
            <FormField label={t("intake.fields.effort")} error={errorFor("effort")}>
              <select
                name="effort"
                value={values.effort}
                onChange={(e) => set("effort", e.target.value as IntakeFormValues["effort"])}
              >
                <option value="">{t("common.none")}</option>
                {(["SMALL", "SPRINT", "SEMESTER"] as const).map((e) => (
                  <option key={e} value={e}>
                    {t(`enums.effort.${e}`)}
                  </option>
                ))}
              </select>
            </FormField>
            <div className="wide">
              <fieldset
                className={`levels${errorFor("wantedLevels") ? " field-invalid" : ""}`}
                aria-describedby={errorFor("wantedLevels") ? "levels-error" : undefined}
              >
                <legend>
                  {t("intake.fields.wantedLevels")} <span aria-hidden="true">*</span>
                </legend>
                <div className="checkbox-row">
                  {levels.map((level, index) => (
                    <label key={level}>
                      <input
                        type="checkbox"
                        name={index === 0 ? "wantedLevels" : `wantedLevels-${level}`}
                        checked={values.wantedLevels.includes(level)}
                        onChange={(e) =>
                          set(
                            "wantedLevels",
                            e.target.checked ? [...values.wantedLevels, level] : values.wantedLevels.filter((l) => l !== level),
                          )
                        }
                      />
                      {t(`enums.level.${level}`)}
                    </label>
                  ))}
                </div>
                {errorFor("wantedLevels") ? (
                  <p className="field-error" id="levels-error">
                    {errorFor("wantedLevels")}
                  </p>
                ) : null}
              </fieldset>
            </div>
            {text("earliestStart", t("intake.fields.earliestStart"), null, { type: "date" })}
            {text("deadline", t("intake.fields.deadline"), null, { type: "date" })}
            <FormField label={t("intake.fields.coordinator")} error={errorFor("coordinator")}>
              <select
                name="coordinator"
                value={values.coordinator}
                onChange={(e) => {
                  setCoordinatorTouched(true);
                  set("coordinator", e.target.value);
                }}
              >
                <option value="">{t("common.none")}</option>
                {coordinators.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.id === me?.id ? t("common.me", { name: c.name }) : c.name}
                  </option>
                ))}
              </select>
            </FormField>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t("intake.sections.sme")}</legend>
          <div className="form-grid">
            {text("smeName", t("intake.fields.smeName"), null, { required: true })}
            {text("kvkNumber", t("intake.fields.kvkNumber"), null, { hint: t("intake.hints.kvkNumber") })}
            {text("city", t("intake.fields.city"))}
            {text("sector", t("intake.fields.sector"))}
            <FormField label={t("intake.fields.size")}>
              <select name="size" value={values.size} onChange={(e) => set("size", e.target.value as IntakeFormValues["size"])}>
                <option value="">{t("common.none")}</option>
                {(["MICRO", "SMALL", "MEDIUM"] as const).map((s) => (
                  <option key={s} value={s}>
                    {t(`enums.smeSize.${s}`)}
                  </option>
                ))}
              </select>
            </FormField>
            <FormField label={t("intake.fields.partner")} error={errorFor("partnerId")}>
              <select name="partnerId" value={values.partnerId} onChange={(e) => set("partnerId", e.target.value)}>
                <option value="">{t("intake.noPartner")}</option>
                {(options.data?.partners ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </FormField>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t("intake.sections.contact")}</legend>
          <div className="form-grid">
            {text("contactName", t("intake.fields.contactName"))}
            {text("contactJobTitle", t("intake.fields.contactJobTitle"))}
            {text("contactEmail", t("intake.fields.contactEmail"), null, { type: "email" })}
            {text("contactPhone", t("intake.fields.contactPhone"), null, { type: "tel" })}
          </div>
        </fieldset>
        {Object.keys(errors).some((k) => errors[k as keyof IntakeFormValues]) ? (
          <p className="field-error" role="alert">
            {t("intake.fixErrors")}
          </p>
        ) : null}
        {unplacedError && result.error ? <ErrorMessage error={result.error} /> : null}
        <div className="button-row">
          <button type="submit" className="primary" disabled={result.fetching}>
            {result.fetching ? t("intake.submitting") : t("intake.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
