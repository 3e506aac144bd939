import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { useMyPerson } from "../../auth/hooks/useMyPerson";
import { describeError } from "../../../ui/describeError";
import { ErrorMessage } from "../../../ui/ErrorMessage";
import { FormField } from "../../../ui/FormField";
import { todayIso } from "../../../ui/todayIso";
import { logInteractionMutation } from "../graphql/outreachMutations";
import { outreachPeopleQuery } from "../graphql/outreachPeopleQuery";

const channels = ["WARM_INTRODUCTION", "EMAIL", "PHONE", "MEETING", "WEBSITE", "LINKEDIN", "EVENT", "SPRINT"] as const;
const results = ["NO_REPLY", "REPLIED", "INTERESTED", "NOT_NOW", "DECLINED", "AGREED"] as const;
type Channel = (typeof channels)[number];
type Result = (typeof results)[number];

export interface InteractionSubject {
  kind: "PROGRAMME" | "COURSE";
  id: string;
  name: string;
  /** People to pick "with" from: the teachers of the row. */
  people: Array<{ id: string; name: string }>;
}

/** Logs one contact about a programme or course; the server moves its mapping status up. */
export function LogInteractionForm({ subject, onDone }: { subject: InteractionSubject; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [coordinators] = useQuery({ query: outreachPeopleQuery });
  const [state, log] = useMutation(logInteractionMutation);
  const me = useMyPerson();
  // Who made the contact: "me" (when among the coordinators offered) until the coordinator picks someone else.
  const [chosenBy, setBy] = useState<string | null>(null);
  const [withId, setWith] = useState(subject.people[0]?.id ?? "");
  const [date, setDate] = useState(todayIso());
  const [channel, setChannel] = useState<Channel>("EMAIL");
  const [result, setResult] = useState<Result | "">("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});

  const people = coordinators.data?.workspaces.flatMap((w) => w.coordinators) ?? [];
  const by = chosenBy ?? (me && people.some((p) => p.id === me.id) ? me.id : "");
  const serverErrors = state.error ? describeError(state.error) : [];
  const fieldError = (field: string) => errors[field] ?? serverErrors.find((e) => e.field === field)?.message;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!by) found.by = t("outreach.errors.byRequired");
    if (!withId) found.with = t("outreach.errors.withRequired");
    if (!date) found.date = t("outreach.errors.dateRequired");
    else if (date > todayIso()) found.date = t("outreach.errors.dateFuture");
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const answer = await log(
      {
        by,
        with: withId,
        date,
        channel,
        result: result || null,
        note: note.trim() || null,
        aboutProgramme: subject.kind === "PROGRAMME" ? subject.id : null,
        aboutCourse: subject.kind === "COURSE" ? subject.id : null,
      },
      { additionalTypenames: ["MappingRow", "OutreachInteraction"] },
    );
    const logged = answer.data?.logInteraction;
    if (logged) {
      const change = logged.mappingChanges.find((c) => c.changed);
      onDone(
        change
          ? t("outreach.loggedWithChange", { name: change.name, status: t(`enums.mappingStatus.${change.status}`) })
          : t("outreach.logged"),
      );
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <p className="muted">{t("outreach.about", { name: subject.name })}</p>
      <div className="form-grid">
        <FormField label={t("outreach.fields.by")} error={fieldError("by")} required>
          <select value={by} onChange={(e) => setBy(e.target.value)}>
            <option value="">{t("outreach.choose")}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id === me?.id ? t("common.me", { name: p.name }) : p.name}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t("outreach.fields.with")} error={fieldError("with")} required>
          <select value={withId} onChange={(e) => setWith(e.target.value)}>
            <option value="">{t("outreach.choose")}</option>
            {subject.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t("outreach.fields.date")} error={fieldError("date")} required>
          <input type="date" value={date} max={todayIso()} onChange={(e) => setDate(e.target.value)} />
        </FormField>
        <FormField label={t("outreach.fields.channel")} error={fieldError("channel")} required>
          <select value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
            {channels.map((c) => (
              <option key={c} value={c}>
                {t(`enums.channel.${c}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t("outreach.fields.result")} error={fieldError("result")}>
          <select value={result} onChange={(e) => setResult(e.target.value as Result | "")}>
            <option value="">{t("common.none")}</option>
            {results.map((r) => (
              <option key={r} value={r}>
                {t(`enums.result.${r}`)}
              </option>
            ))}
          </select>
        </FormField>
        <div className="wide">
          <FormField label={t("outreach.fields.note")} error={fieldError("note")}>
            <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          </FormField>
        </div>
      </div>
      {state.error && !serverErrors.some((e) => e.field) ? <ErrorMessage error={state.error} /> : null}
      <div className="button-row">
        <button type="submit" className="primary" disabled={state.fetching}>
          {t("outreach.logSubmit")}
        </button>
      </div>
    </form>
  );
}
