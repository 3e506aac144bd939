import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMutation, useQuery } from "urql";
import { FormField } from "../../../ui/FormField";
import { LanguageToggle } from "../../../ui/LanguageToggle";
import { describeError, type UserError } from "../../../ui/describeError";
import { TopicWordsInput } from "../../vocabulary/components/TopicWordsInput";
import { questionFormQuery, submitQuestionMutation } from "../graphql/publicOperations";

/** The same limits the server checks (server/domains/case-workflow/validate-submission.ts, SUBMISSION_LIMITS). */
const LIMITS = { smeName: 120, city: 80, contactName: 120, email: 254, phone: 30, questionMin: 20, question: 4000, heardOf: 300 };
const MARKUP = /<\s*[/!?]?\s*[a-zA-Z][^>]*>|<!--|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});/;
const OTHER = "__other";

interface Fields {
  smeName: string;
  kvkNumber: string;
  city: string;
  contactName: string;
  email: string;
  phone: string;
  question: string;
  topics: string;
  earliestStart: string;
  deadline: string;
  partner: string;
  heardOf: string;
  consent: boolean;
  website: string;
}

const empty: Fields = {
  smeName: "",
  kvkNumber: "",
  city: "",
  contactName: "",
  email: "",
  phone: "",
  question: "",
  topics: "",
  earliestStart: "",
  deadline: "",
  partner: "",
  heardOf: "",
  consent: false,
  website: "",
};

type FieldErrors = Partial<Record<keyof Fields | "form", string>>;

/** What the browser can tell before sending (the server checks all of it again). */
function checkLocally(f: Fields, t: (key: string, options?: Record<string, unknown>) => string): FieldErrors {
  const errors: FieldErrors = {};
  const text: Array<[keyof Fields, number]> = [
    ["smeName", LIMITS.smeName],
    ["city", LIMITS.city],
    ["contactName", LIMITS.contactName],
    ["email", LIMITS.email],
    ["phone", LIMITS.phone],
    ["question", LIMITS.question],
    ["heardOf", LIMITS.heardOf],
    ["topics", 700],
  ];
  for (const [field, max] of text) {
    const value = String(f[field]);
    if (value.length > max) errors[field] = t("publicForm.errors.tooLong", { max });
    else if (MARKUP.test(value)) errors[field] = t("publicForm.errors.markup");
  }
  if (!f.smeName.trim()) errors.smeName = t("publicForm.errors.required");
  if (!/^\d{8}$/.test(f.kvkNumber.replace(/[\s.]/g, ""))) errors.kvkNumber = t("publicForm.errors.kvkNumber");
  if (!f.contactName.trim()) errors.contactName = t("publicForm.errors.required");
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.email.trim())) errors.email = t("publicForm.errors.email");
  if (f.phone.trim() && !/^[+0-9 ()\-.]{6,30}$/.test(f.phone.trim())) errors.phone = t("publicForm.errors.phone");
  if (f.question.trim().length < LIMITS.questionMin)
    errors.question = t("publicForm.errors.questionShort", { min: LIMITS.questionMin });
  if (f.earliestStart && f.deadline && f.deadline < f.earliestStart) errors.deadline = t("publicForm.errors.deadline");
  if (!f.consent) errors.consent = t("publicForm.errors.consent");
  return errors;
}

/** The server's refusals, each next to its field; in Dutch a sentence of our own per field (the server writes English). */
function serverErrors(
  errors: UserError[],
  raw: { retryAfterSeconds?: unknown }[],
  t: (key: string, o?: Record<string, unknown>) => string,
  english: boolean,
): FieldErrors {
  const out: FieldErrors = {};
  errors.forEach((error, i) => {
    const retry = Number(raw[i]?.retryAfterSeconds ?? 0);
    if (error.code === "RATE_LIMITED") {
      out.form = t("publicForm.errors.rateLimited", { minutes: Math.max(1, Math.ceil(retry / 60)) });
    } else if (error.code === "SUBMISSION_REFUSED") {
      out.form = error.field === "formToken" && retry > 0 ? t("publicForm.errors.tooFast") : t("publicForm.errors.refused");
    } else if (error.field && error.field in empty) {
      out[error.field as keyof Fields] = english ? error.serverMessage : t(`publicForm.errors.field.${error.field}`);
    } else {
      out.form = error.message;
    }
  });
  return out;
}

/**
 * The public question form (issue #18 part 1), `/vraag` and `/question`, reachable without signing in. Dutch first,
 * with the language toggle; topics autocomplete from the shared vocabulary (accepted topics only); the consent shows
 * the versioned wording it records; a honeypot field hidden from people and assistive technology; a thank-you state.
 */
export function QuestionFormPage() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === "en";
  const [form, reloadForm] = useQuery({ query: questionFormQuery, requestPolicy: "network-only" });
  const [sent, submitQuestion] = useMutation(submitQuestionMutation);
  const [fields, setFields] = useState<Fields>(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [reference, setReference] = useState<string | null>(null);
  const [statusPath, setStatusPath] = useState<string | null>(null);
  const settings = form.data?.questionForm;

  const set =
    <K extends keyof Fields>(key: K) =>
    (value: Fields[K]) => {
      setFields((f) => ({ ...f, [key]: value }));
      // A field put right loses its complaint at once (the rest wait for the next send).
      setErrors((e) => {
        if (!(key in e)) return e;
        const { [key]: _fixed, ...rest } = e;
        return rest;
      });
    };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local = checkLocally(fields, t);
    setErrors(local);
    if (Object.keys(local).length > 0 || !settings) return;
    const answer = await submitQuestion({
      input: {
        smeName: fields.smeName,
        kvkNumber: fields.kvkNumber,
        city: fields.city || null,
        contactName: fields.contactName,
        email: fields.email.trim(),
        phone: fields.phone || null,
        question: fields.question,
        topics: fields.topics
          .split(",")
          .map((w) => w.trim())
          .filter((w) => w !== ""),
        earliestStart: fields.earliestStart || null,
        deadline: fields.deadline || null,
        partner: fields.partner && fields.partner !== OTHER ? fields.partner : null,
        heardOf: fields.heardOf || null,
        language: english ? "EN" : "NL",
        consent: fields.consent,
        consentVersion: settings.consent.version,
        formToken: settings.formToken,
        website: fields.website,
      },
    });
    if (answer.data?.submitQuestion.received) {
      setReference(answer.data.submitQuestion.reference);
      setStatusPath(answer.data.submitQuestion.statusPath);
      return;
    }
    if (answer.error) {
      const raw = answer.error.graphQLErrors.map((e) => e.extensions ?? {});
      setErrors(serverErrors(describeError(answer.error), raw, t, english));
      // An expired or foreign form token: a fresh one for the next try.
      if (answer.error.graphQLErrors.some((e) => e.extensions?.field === "formToken" && !e.extensions?.retryAfterSeconds)) {
        reloadForm({ requestPolicy: "network-only" });
      }
    }
  }

  return (
    <main className="login public-page" id="main">
      <div className="login-card public-card">
        <div className="login-top">
          <h1>{t("publicForm.title")}</h1>
          <LanguageToggle />
        </div>
        {reference ? (
          <section className="success" role="status" data-testid="public-form-thanks">
            <h2>{t("publicForm.thanks.title")}</h2>
            <p>{t("publicForm.thanks.body", { email: fields.email.trim() })}</p>
            <p>
              {t("publicForm.thanks.reference")}: <strong>{reference}</strong>
            </p>
            {statusPath && (
              <p>
                <Link to={statusPath} data-testid="public-form-status-link">
                  {t("publicForm.thanks.statusLink")}
                </Link>
              </p>
            )}
          </section>
        ) : (
          <>
            <p>{t("publicForm.intro")}</p>
            <form onSubmit={(e) => void submit(e)} noValidate aria-describedby={errors.form ? "public-form-error" : undefined}>
              <fieldset>
                <legend>{t("publicForm.company")}</legend>
                <FormField label={t("publicForm.smeName")} required error={errors.smeName}>
                  <input
                    value={fields.smeName}
                    onChange={(e) => set("smeName")(e.target.value)}
                    autoComplete="organization"
                    maxLength={LIMITS.smeName}
                  />
                </FormField>
                <FormField label={t("publicForm.kvkNumber")} required error={errors.kvkNumber} hint={t("publicForm.kvkHint")}>
                  <input
                    value={fields.kvkNumber}
                    onChange={(e) => set("kvkNumber")(e.target.value)}
                    inputMode="numeric"
                    maxLength={12}
                  />
                </FormField>
                <FormField label={t("publicForm.city")} error={errors.city}>
                  <input
                    value={fields.city}
                    onChange={(e) => set("city")(e.target.value)}
                    autoComplete="address-level2"
                    maxLength={LIMITS.city}
                  />
                </FormField>
              </fieldset>
              <fieldset>
                <legend>{t("publicForm.contact")}</legend>
                <FormField label={t("publicForm.contactName")} required error={errors.contactName}>
                  <input
                    value={fields.contactName}
                    onChange={(e) => set("contactName")(e.target.value)}
                    autoComplete="name"
                    maxLength={LIMITS.contactName}
                  />
                </FormField>
                <FormField label={t("publicForm.email")} required error={errors.email} hint={t("publicForm.emailHint")}>
                  <input
                    type="email"
                    value={fields.email}
                    onChange={(e) => set("email")(e.target.value)}
                    autoComplete="email"
                    maxLength={LIMITS.email}
                  />
                </FormField>
                <FormField label={t("publicForm.phone")} error={errors.phone}>
                  <input
                    type="tel"
                    value={fields.phone}
                    onChange={(e) => set("phone")(e.target.value)}
                    autoComplete="tel"
                    maxLength={LIMITS.phone}
                  />
                </FormField>
              </fieldset>
              <fieldset>
                <legend>{t("publicForm.yourQuestion")}</legend>
                <FormField label={t("publicForm.question")} required error={errors.question} hint={t("publicForm.questionHint")}>
                  <textarea
                    rows={6}
                    value={fields.question}
                    onChange={(e) => set("question")(e.target.value)}
                    maxLength={LIMITS.question}
                  />
                </FormField>
                <FormField label={t("publicForm.topics")} error={errors.topics} hint={t("publicForm.topicsHint")}>
                  <TopicWordsInput name="topics" value={fields.topics} onChange={set("topics")} publicSearch />
                </FormField>
                <FormField label={t("publicForm.earliestStart")} error={errors.earliestStart}>
                  <input type="date" value={fields.earliestStart} onChange={(e) => set("earliestStart")(e.target.value)} />
                </FormField>
                <FormField label={t("publicForm.deadline")} error={errors.deadline}>
                  <input type="date" value={fields.deadline} onChange={(e) => set("deadline")(e.target.value)} />
                </FormField>
              </fieldset>
              <fieldset>
                <legend>{t("publicForm.heardOfLegend")}</legend>
                <FormField label={t("publicForm.partner")} error={errors.partner}>
                  <select value={fields.partner} onChange={(e) => set("partner")(e.target.value)}>
                    <option value="">{t("publicForm.partnerNone")}</option>
                    {(settings?.partners ?? []).map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                    <option value={OTHER}>{t("publicForm.partnerOther")}</option>
                  </select>
                </FormField>
                <FormField label={t("publicForm.heardOf")} error={errors.heardOf} hint={t("publicForm.heardOfHint")}>
                  <input value={fields.heardOf} onChange={(e) => set("heardOf")(e.target.value)} maxLength={LIMITS.heardOf} />
                </FormField>
              </fieldset>
              {/* The honeypot: off-screen, out of the tab order and hidden from assistive technology; people never fill it in. */}
              <div className="honeypot" aria-hidden="true">
                <label>
                  Website
                  <input
                    name="website"
                    tabIndex={-1}
                    autoComplete="off"
                    value={fields.website}
                    onChange={(e) => set("website")(e.target.value)}
                  />
                </label>
              </div>
              <div className={`field consent${errors.consent ? " field-invalid" : ""}`}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={fields.consent}
                    onChange={(e) => set("consent")(e.target.checked)}
                    aria-invalid={errors.consent ? true : undefined}
                    aria-describedby={errors.consent ? "consent-error" : undefined}
                  />
                  <span data-testid="consent-wording">
                    {settings ? (english ? settings.consent.en : settings.consent.nl) : "…"}
                  </span>
                </label>
                {settings ? (
                  <p className="field-hint">{t("publicForm.consentVersion", { version: settings.consent.version })}</p>
                ) : null}
                {errors.consent ? (
                  <p className="field-error" id="consent-error">
                    {errors.consent}
                  </p>
                ) : null}
              </div>
              {errors.form ? (
                <p className="field-error" role="alert" id="public-form-error">
                  {errors.form}
                </p>
              ) : Object.keys(errors).length > 0 ? (
                <p className="field-error" role="alert">
                  {t("publicForm.errors.check")}
                </p>
              ) : null}
              {form.error ? (
                <p className="field-error" role="alert">
                  {describeError(form.error)[0]?.message}
                </p>
              ) : null}
              <button type="submit" className="primary" disabled={sent.fetching || !settings}>
                {sent.fetching ? t("publicForm.sending") : t("publicForm.send")}
              </button>
            </form>
          </>
        )}
      </div>
    </main>
  );
}
