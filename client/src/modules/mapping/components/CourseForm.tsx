import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import type { CourseKind } from "../../../generated/graphql";
import { Dialog } from "../../../ui/Dialog";
import { FormField } from "../../../ui/FormField";
import { createCourseMutation, updateCourseMutation } from "../graphql/mappingMutations";
import { connectIds, sameName, serverErrors } from "../hooks/serverErrors";
import { FormErrors } from "./FormErrors";

const kinds: CourseKind[] = ["COURSE", "PROJECT", "MINOR", "INTERNSHIP", "GRADUATION"];
const fields = ["name", "kind", "studyYear", "themes", "teachingPeriods"] as const;

interface Course {
  id: string;
  name: string;
  kind: CourseKind;
  studyYear?: number | null;
  themes: string[];
  teachingPeriods: { id: string }[];
}

/**
 * Adds a course to a programme or edits one (createCourses / updateCourses): its kind, study year,
 * themes (what the suggestions match a case's topics against) and the teaching periods it runs in.
 */
export function CourseFormButton({
  programmeId,
  periods,
  existingNames,
  course,
  onDone,
}: {
  programmeId: string;
  periods: { id: string; name: string; academicYear: string }[];
  existingNames: string[];
  course?: Course;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const initial = {
    name: course?.name ?? "",
    kind: course?.kind ?? ("PROJECT" as CourseKind),
    studyYear: course?.studyYear ? String(course.studyYear) : "",
    themes: course?.themes.join(", ") ?? "",
    periods: course?.teachingPeriods.map((p) => p.id) ?? [],
  };
  const [v, setV] = useState(initial);
  const [tried, setTried] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [created, create] = useMutation(createCourseMutation);
  const [updated, update] = useMutation(updateCourseMutation);
  const state = course ? updated : created;
  const server = serverErrors(state.error, t, fields);
  const year = v.studyYear.trim() ? Number(v.studyYear) : null;
  const themes = v.themes
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const errors: Record<string, string | undefined> = {
    name: !v.name.trim() ? t("mapping.errors.nameRequired") : undefined,
    studyYear: year !== null && !(Number.isInteger(year) && year >= 1 && year <= 8) ? t("mapping.errors.studyYear") : undefined,
    themes: themes.some((x) => x.length > 100) || themes.length > 50 ? t("mapping.errors.themes") : undefined,
  };
  const duplicate = existingNames.some((n) => sameName(n, v.name));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (Object.values(errors).some(Boolean)) return;
    if (duplicate && !confirmed) {
      setConfirmed(true);
      return;
    }
    let ok = false;
    if (course) {
      const before = new Set(course.teachingPeriods.map((p) => p.id));
      const after = new Set(v.periods);
      const answer = await update({
        id: course.id,
        update: {
          name: { set: v.name.trim() },
          kind: { set: v.kind },
          studyYear: { set: year },
          themes: { set: themes },
          teachingPeriods: [
            {
              ...connectIds([...after].filter((id) => !before.has(id))),
              disconnect: [...before].filter((id) => !after.has(id)).map((id) => ({ where: { node: { id: { eq: id } } } })),
            },
          ],
        },
      });
      ok = Boolean(answer.data);
    } else {
      const answer = await create({
        input: {
          name: v.name.trim(),
          kind: v.kind,
          studyYear: year,
          themes,
          programme: connectIds([programmeId]),
          ...(v.periods.length > 0 ? { teachingPeriods: connectIds(v.periods) } : {}),
        },
      });
      ok = Boolean(answer.data);
    }
    if (ok) {
      setOpen(false);
      setTried(false);
      if (!course) setV(initial);
      onDone?.();
    }
  }

  const show = (field: string) => (tried ? errors[field] : undefined) ?? server.byField[field];
  const title = course ? t("mapping.course.edit", { name: course.name }) : t("mapping.course.add");
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className={course ? "link-button" : undefined}>
        {title}
      </button>
      <Dialog title={title} open={open} onClose={() => setOpen(false)}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <FormField label={t("mapping.fields.name")} required error={show("name")}>
            <input
              value={v.name}
              maxLength={200}
              onChange={(e) => {
                setV({ ...v, name: e.target.value });
                setConfirmed(false);
              }}
            />
          </FormField>
          {duplicate ? (
            <p className="notice warning" role="status" data-testid="duplicate-warning">
              {t("mapping.duplicate.course", { name: v.name.trim() })}
            </p>
          ) : null}
          <FormField label={t("mapping.fields.courseKind")} required error={show("kind")}>
            <select value={v.kind} onChange={(e) => setV({ ...v, kind: e.target.value as CourseKind })}>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`enums.courseKind.${k}`, { defaultValue: k })}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label={t("mapping.fields.studyYear")} error={show("studyYear")}>
            <input inputMode="numeric" value={v.studyYear} onChange={(e) => setV({ ...v, studyYear: e.target.value })} />
          </FormField>
          <FormField label={t("mapping.fields.themes")} hint={t("mapping.hints.themes")} error={show("themes")}>
            <input value={v.themes} onChange={(e) => setV({ ...v, themes: e.target.value })} />
          </FormField>
          <fieldset className="field">
            <legend>{t("mapping.fields.periods")}</legend>
            {periods.length === 0 ? <p className="muted small">{t("mapping.hints.noPeriods")}</p> : null}
            {periods.map((p) => (
              <label key={p.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={v.periods.includes(p.id)}
                  onChange={(e) =>
                    setV({ ...v, periods: e.target.checked ? [...v.periods, p.id] : v.periods.filter((x) => x !== p.id) })
                  }
                />{" "}
                {p.name} {p.academicYear}
              </label>
            ))}
            {show("teachingPeriods") ? <p className="field-error">{show("teachingPeriods")}</p> : null}
          </fieldset>
          <FormErrors messages={server.general} />
          <div className="button-row">
            <button type="submit" className="primary" disabled={state.fetching}>
              {duplicate && confirmed ? t("mapping.saveAnyway") : t("common.save")}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
