import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import type { EducationLevel, Effort } from "../../../generated/graphql";
import { Dialog } from "../../../ui/Dialog";
import { FormField } from "../../../ui/FormField";
import { caseChangeTypenames } from "../../cases/hooks/caseChangeTypenames";
import { parseTopics } from "../../intake/hooks/validateIntakeForm";
import { FormErrors } from "../../mapping/components/FormErrors";
import { serverErrors } from "../../mapping/hooks/serverErrors";
import { updateCaseMutation } from "../graphql/caseEditOperations";

const levels: EducationLevel[] = ["WO", "HBO", "MBO"];
const efforts: Effort[] = ["SMALL", "SPRINT", "SEMESTER"];
const fields = ["title", "question", "topics", "wantedLevels", "effort", "earliestStart", "deadline"] as const;

export interface EditableCase {
  id: string;
  title: string;
  question?: string | null;
  topics: string[];
  wantedLevels: EducationLevel[];
  effort?: Effort | null;
  earliestStart?: string | null;
  deadline?: string | null;
}

/**
 * Edits what intake asked (title, question, topics, levels, effort, dates) with intake's checks
 * (validateIntakeForm's rules) before sending; the server checks again and records the edit. The
 * suggestions are computed live from the topics and levels, so they follow at once.
 */
export function CaseEditButton({ item, onDone }: { item: EditableCase; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const start = () => ({
    title: item.title,
    question: item.question ?? "",
    topics: item.topics.join(", "),
    wantedLevels: item.wantedLevels,
    effort: (item.effort ?? "") as Effort | "",
    earliestStart: item.earliestStart ?? "",
    deadline: item.deadline ?? "",
  });
  const [v, setV] = useState(start);
  const [tried, setTried] = useState(false);
  const [state, update] = useMutation(updateCaseMutation);
  const server = serverErrors(state.error, t, fields);
  const errors: Record<string, string | undefined> = {
    title: !v.title.trim() ? t("intake.errors.titleRequired") : undefined,
    wantedLevels: v.wantedLevels.length === 0 ? t("intake.errors.levelsRequired") : undefined,
    deadline: v.earliestStart && v.deadline && v.deadline < v.earliestStart ? t("intake.errors.deadlineBeforeStart") : undefined,
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (Object.values(errors).some(Boolean)) return;
    const answer = await update(
      {
        id: item.id,
        update: {
          title: { set: v.title.trim() },
          question: { set: v.question.trim() || null },
          topics: { set: parseTopics(v.topics) },
          wantedLevels: { set: v.wantedLevels },
          effort: { set: v.effort || null },
          earliestStart: { set: v.earliestStart || null },
          deadline: { set: v.deadline || null },
        },
      },
      { additionalTypenames: [...caseChangeTypenames, "HistoryEntry"] },
    );
    if (answer.data) {
      setOpen(false);
      setTried(false);
      onDone(t("caseEdit.saved"));
    }
  }

  const show = (field: string) => (tried ? errors[field] : undefined) ?? server.byField[field];
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setV(start());
          setOpen(true);
        }}
      >
        {t("caseEdit.edit")}
      </button>
      <Dialog title={t("caseEdit.title")} open={open} onClose={() => setOpen(false)}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <FormField label={t("intake.fields.title")} required error={show("title")}>
            <input value={v.title} maxLength={200} onChange={(e) => setV({ ...v, title: e.target.value })} />
          </FormField>
          <FormField label={t("intake.fields.question")} error={show("question")}>
            <textarea rows={3} value={v.question} onChange={(e) => setV({ ...v, question: e.target.value })} />
          </FormField>
          <FormField label={t("intake.fields.topics")} hint={t("intake.hints.topics")} error={show("topics")}>
            <input value={v.topics} onChange={(e) => setV({ ...v, topics: e.target.value })} />
          </FormField>
          <fieldset className="field">
            <legend>{t("intake.fields.wantedLevels")}</legend>
            {levels.map((l) => (
              <label key={l} className="checkbox">
                <input
                  type="checkbox"
                  checked={v.wantedLevels.includes(l)}
                  onChange={(e) =>
                    setV({
                      ...v,
                      wantedLevels: e.target.checked ? [...v.wantedLevels, l] : v.wantedLevels.filter((x) => x !== l),
                    })
                  }
                />{" "}
                {t(`enums.level.${l}`, { defaultValue: l })}
              </label>
            ))}
            {show("wantedLevels") ? <p className="field-error">{show("wantedLevels")}</p> : null}
          </fieldset>
          <FormField label={t("intake.fields.effort")} error={show("effort")}>
            <select value={v.effort} onChange={(e) => setV({ ...v, effort: e.target.value as Effort | "" })}>
              <option value="">—</option>
              {efforts.map((x) => (
                <option key={x} value={x}>
                  {t(`enums.effort.${x}`)}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label={t("intake.fields.earliestStart")} error={show("earliestStart")}>
            <input type="date" value={v.earliestStart} onChange={(e) => setV({ ...v, earliestStart: e.target.value })} />
          </FormField>
          <FormField label={t("intake.fields.deadline")} error={show("deadline")}>
            <input type="date" value={v.deadline} onChange={(e) => setV({ ...v, deadline: e.target.value })} />
          </FormField>
          <FormErrors messages={server.general} />
          <div className="button-row">
            <button type="submit" className="primary" disabled={state.fetching}>
              {t("common.save")}
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
