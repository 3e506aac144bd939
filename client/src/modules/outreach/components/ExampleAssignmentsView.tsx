import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { useAccess } from "../../../app/access";
import { describeError } from "../../../ui/describeError";
import { ErrorMessage } from "../../../ui/ErrorMessage";
import { FormField } from "../../../ui/FormField";
import { QueryState } from "../../../ui/QueryState";
import { todayIso } from "../../../ui/todayIso";
import { useFormat } from "../../../ui/useFormat";
import { coursesWithTeachersQuery } from "../graphql/coursesWithTeachersQuery";
import { exampleAssignmentsQuery } from "../graphql/exampleAssignmentsQuery";
import { addExampleAssignmentMutation } from "../graphql/outreachMutations";

// The list may be empty, so the cache is told which type it holds (see caseQueryContext).
const exampleContext = { additionalTypenames: ["ExampleAssignment"] };

/** Example assignments teachers sent, and a form to record a new one. */
export function ExampleAssignmentsView() {
  const { t } = useTranslation();
  const f = useFormat();
  // Recording an example is outreach work (OUTREACH_WORK): others see the list only.
  const { outreachWork } = useAccess();
  const [list, refetch] = useQuery({ query: exampleAssignmentsQuery, context: exampleContext });
  const [courses] = useQuery({ query: coursesWithTeachersQuery, pause: !outreachWork });
  const [state, add] = useMutation(addExampleAssignmentMutation);
  const [course, setCourse] = useState("");
  const [teacher, setTeacher] = useState("");
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [received, setReceived] = useState(todayIso());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);

  const chosen = courses.data?.courses.find((c) => c.id === course);
  const serverErrors = state.error ? describeError(state.error) : [];
  const fieldError = (field: string) => errors[field] ?? serverErrors.find((e) => e.field === field)?.message;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const found: Record<string, string> = {};
    if (!course) found.course = t("outreach.errors.courseRequired");
    if (!teacher) found.teacher = t("outreach.errors.teacherRequired");
    if (!title.trim()) found.title = t("outreach.errors.titleRequired");
    if (!received) found.received = t("outreach.errors.dateRequired");
    else if (received > todayIso()) found.received = t("outreach.errors.dateFuture");
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const answer = await add(
      { course, teacher, title: title.trim(), description: description.trim() || null, received },
      { additionalTypenames: ["ExampleAssignment", "MappingRow"] },
    );
    if (answer.data) {
      setTitle("");
      setDescription("");
      setMessage(t("outreach.exampleAdded"));
    }
  }

  return (
    <div className="two-columns">
      <QueryState
        fetching={list.fetching}
        error={list.error}
        hasData={Boolean(list.data)}
        onRetry={() => refetch({ requestPolicy: "network-only" })}
      >
        <ul className="card-list">
          {(list.data?.exampleAssignments ?? []).map((e) => (
            <li key={e.id} className="panel">
              <h3>{e.title}</h3>
              <p className="muted">
                {e.teacher.map((p) => p.name).join(", ")} · {e.course.map((c) => c.name).join(", ")} · {f.date(e.received)}
              </p>
              {e.description ? <p>{e.description}</p> : null}
            </li>
          ))}
          {list.data?.exampleAssignments.length === 0 ? <li className="muted">{t("outreach.noExamples")}</li> : null}
        </ul>
      </QueryState>
      {outreachWork ? (
        <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="add-example">
          <h2 id="add-example">{t("outreach.addExample")}</h2>
          <FormField label={t("outreach.course")} error={fieldError("course")} required>
            <select
              value={course}
              onChange={(e) => {
                setCourse(e.target.value);
                setTeacher("");
              }}
            >
              <option value="">{t("outreach.choose")}</option>
              {(courses.data?.courses ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.programme.map((p) => p.name).join(", ")})
                </option>
              ))}
            </select>
          </FormField>
          <FormField label={t("outreach.teacher")} error={fieldError("teacher")} required>
            <select value={teacher} onChange={(e) => setTeacher(e.target.value)} disabled={!chosen}>
              <option value="">{t("outreach.choose")}</option>
              {(chosen?.teachers ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label={t("outreach.fields.title")} error={fieldError("title")} required>
            <input value={title} onChange={(e) => setTitle(e.target.value)} />
          </FormField>
          <FormField label={t("outreach.fields.description")} error={fieldError("description")}>
            <textarea rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
          </FormField>
          <FormField label={t("outreach.fields.received")} error={fieldError("received")} required>
            <input type="date" value={received} max={todayIso()} onChange={(e) => setReceived(e.target.value)} />
          </FormField>
          {state.error && !serverErrors.some((e) => e.field) ? <ErrorMessage error={state.error} /> : null}
          {message ? (
            <p className="success" role="status">
              {message}
            </p>
          ) : null}
          <button type="submit" className="primary" disabled={state.fetching}>
            {t("outreach.addExampleSubmit")}
          </button>
        </form>
      ) : null}
    </div>
  );
}
