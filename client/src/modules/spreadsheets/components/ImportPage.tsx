import { useState, type ChangeEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { DownloadCsvButton } from "../../../ui/DownloadCsvButton";
import { ErrorMessage } from "../../../ui/ErrorMessage";
import { PageHeader } from "../../../ui/PageHeader";
import type { ImportSpreadsheetsMutation } from "../../../generated/graphql";
import { exportCasesCsvQuery } from "../../cases/graphql/exportCasesCsvQuery";
import { exportContactsCsvQuery } from "../../outreach/graphql/exportContactsCsvQuery";
import { importSpreadsheetsMutation } from "../graphql/importSpreadsheetsMutation";
import { DOCUMENTED_FILES, MAX_UPLOAD_CHARACTERS, readCsvFile } from "./readCsvFile";

type Report = ImportSpreadsheetsMutation["importSpreadsheets"];
type Problem = Report["problems"][number];
interface Chosen {
  name: string;
  text: string;
}

/**
 * Spreadsheets in the app (docs/spreadsheets.md, "Upload in the app"): choose the documented CSV files, see the
 * dry run's row-by-row report, then import. Coordinators and admins only (DATA_TRANSFER; the route is guarded).
 */
export function ImportPage() {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const [wrongNames, setWrongNames] = useState<string[]>([]);
  const [tooLarge, setTooLarge] = useState(false);
  const [dryRun, setDryRun] = useState<Report | null>(null);
  const [imported, setImported] = useState<Report | null>(null);
  const [state, run] = useMutation(importSpreadsheetsMutation);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const list = [...(event.target.files ?? [])];
    setDryRun(null);
    setImported(null);
    const known = new Set<string>(DOCUMENTED_FILES);
    const wrong = list.filter((f) => !known.has(f.name.toLowerCase())).map((f) => f.name);
    setWrongNames(wrong);
    const files = await Promise.all(
      list
        .filter((f) => known.has(f.name.toLowerCase()))
        .map(async (f) => ({ name: f.name.toLowerCase(), text: await readCsvFile(f) })),
    );
    setChosen(files);
    const size = files.reduce((sum, f) => sum + f.text.length, 0);
    setTooLarge(size > MAX_UPLOAD_CHARACTERS);
    if (files.length === 0 || size > MAX_UPLOAD_CHARACTERS) return;
    // The dry run comes first, always: nothing is written until the user has seen what would happen.
    const result = await run({ files, dryRun: true });
    if (result.data) setDryRun(result.data.importSpreadsheets);
  }

  async function importForReal() {
    const result = await run({ files: chosen, dryRun: false });
    if (result.data) {
      setImported(result.data.importSpreadsheets);
      setDryRun(null);
    }
  }

  const shown = imported ?? dryRun;
  const accepted = shown ? shown.files.reduce((sum, f) => sum + f.created + f.updated + f.unchanged, 0) : 0;
  return (
    <section className="import-page">
      <PageHeader title={t("spreadsheets.title")}>
        <DownloadCsvButton
          query={exportCasesCsvQuery}
          field="exportCasesCsv"
          fileName="cases.csv"
          label={t("cases.board.exportCsv")}
        />
        <DownloadCsvButton
          query={exportContactsCsvQuery}
          field="exportContactsCsv"
          fileName="contacts.csv"
          label={t("outreach.exportContacts")}
        />
      </PageHeader>
      <p>{t("spreadsheets.intro")}</p>
      <details>
        <summary>{t("spreadsheets.filesSummary")}</summary>
        <p className="muted">{DOCUMENTED_FILES.join(", ")}</p>
        <p className="muted">{t("spreadsheets.limit", { count: MAX_UPLOAD_CHARACTERS })}</p>
      </details>
      <div className="form-field">
        <label htmlFor="import-files">{t("spreadsheets.choose")}</label>
        <input id="import-files" type="file" accept=".csv,text/csv" multiple onChange={(e) => void choose(e)} />
      </div>
      {wrongNames.length > 0 ? (
        <p className="field-error" role="alert">
          {t("spreadsheets.wrongNames", { names: wrongNames.join(", ") })}
        </p>
      ) : null}
      {tooLarge ? (
        <p className="field-error" role="alert">
          {t("spreadsheets.tooLarge", { count: MAX_UPLOAD_CHARACTERS })}
        </p>
      ) : null}
      {state.fetching ? <p aria-live="polite">{t("spreadsheets.working")}</p> : null}
      {state.error ? <ErrorMessage error={state.error} /> : null}
      {shown ? (
        <div className="import-report" aria-live="polite">
          <h2>{shown.dryRun ? t("spreadsheets.dryRunTitle") : t("spreadsheets.importedTitle")}</h2>
          <p>{shown.dryRun ? t("spreadsheets.dryRunText") : t("spreadsheets.importedText", { count: accepted })}</p>
          <div className="table-scroll">
            <table className="table stack-on-phone" aria-label={t("spreadsheets.perFile")}>
              <thead>
                <tr>
                  <th scope="col">{t("spreadsheets.columns.file")}</th>
                  <th scope="col">{t("spreadsheets.columns.rows")}</th>
                  <th scope="col">{t("spreadsheets.columns.created")}</th>
                  <th scope="col">{t("spreadsheets.columns.updated")}</th>
                  <th scope="col">{t("spreadsheets.columns.unchanged")}</th>
                  <th scope="col">{t("spreadsheets.columns.rejected")}</th>
                  <th scope="col">{t("spreadsheets.columns.ignored")}</th>
                </tr>
              </thead>
              <tbody>
                {shown.files.map((f) => (
                  <tr key={f.file}>
                    <td data-label={t("spreadsheets.columns.file")}>{f.file}</td>
                    <td data-label={t("spreadsheets.columns.rows")}>{f.rows}</td>
                    <td data-label={t("spreadsheets.columns.created")}>{f.created}</td>
                    <td data-label={t("spreadsheets.columns.updated")}>{f.updated}</td>
                    <td data-label={t("spreadsheets.columns.unchanged")}>{f.unchanged}</td>
                    <td data-label={t("spreadsheets.columns.rejected")}>{f.rejected}</td>
                    <td data-label={t("spreadsheets.columns.ignored")}>{f.ignoredColumns.join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {shown.problems.length > 0 ? (
            <>
              <h3>{t("spreadsheets.problemsTitle", { count: shown.problems.length })}</h3>
              <div className="table-scroll">
                <table
                  className="table stack-on-phone"
                  aria-label={t("spreadsheets.problemsLabel")}
                  data-testid="import-problems"
                >
                  <thead>
                    <tr>
                      <th scope="col">{t("spreadsheets.columns.file")}</th>
                      <th scope="col">{t("spreadsheets.columns.line")}</th>
                      <th scope="col">{t("spreadsheets.columns.field")}</th>
                      <th scope="col">{t("spreadsheets.columns.code")}</th>
                      <th scope="col">{t("spreadsheets.columns.message")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.problems.map((p, i) => (
                      <tr key={`${p.file}-${p.line}-${p.field ?? ""}-${i}`}>
                        <td data-label={t("spreadsheets.columns.file")}>{p.file}</td>
                        <td data-label={t("spreadsheets.columns.line")}>{p.line}</td>
                        <td data-label={t("spreadsheets.columns.field")}>{p.field ?? t("spreadsheets.wholeRow")}</td>
                        <td data-label={t("spreadsheets.columns.code")}>
                          <code>{p.code}</code>
                        </td>
                        <td data-label={t("spreadsheets.columns.message")}>
                          <ProblemReason problem={p} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : (
            <p>{t("spreadsheets.noProblems")}</p>
          )}
          {shown.dryRun ? (
            <div className="page-actions">
              <button
                type="button"
                className="primary"
                disabled={state.fetching || accepted === 0}
                onClick={() => void importForReal()}
              >
                {t("spreadsheets.import")}
              </button>
              {shown.problems.length > 0 ? <span className="muted">{t("spreadsheets.rejectedSkipped")}</span> : null}
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/**
 * Why a row was rejected, in the user's language: the server's specific reason (reasonKey, with the values it names)
 * under `spreadsheetReasons`, its English sentence as the tooltip. A reason without a key (its sentence written by
 * another part of the server, e.g. a text rule) shows in Dutch the code's text and, marked as English, the sentence.
 */
function ProblemReason({ problem }: { problem: Problem }) {
  const { t, i18n } = useTranslation();
  const key = problem.reasonKey ? `spreadsheetReasons.${problem.reasonKey}` : null;
  if (key && i18n.exists(key)) {
    const values = Object.fromEntries(
      problem.reasonValues.map((v) => [
        v.name,
        // A node label (REFERENCE_*): the word for it, not the graph's label.
        v.name === "label" ? t(`spreadsheetReasons.labels.${v.value}`, { defaultValue: v.value }) : v.value,
      ]),
    );
    return (
      <span title={t("spreadsheetReasons.serverSentence", { reason: problem.reason })} data-reason={problem.reasonKey}>
        {t(key, values)}
      </span>
    );
  }
  // In English the server's own sentence says it best (as translateServerError does for errors).
  if (i18n.language === "en") return <span>{problem.reason}</span>;
  return (
    <>
      {t(`spreadsheets.codes.${problem.code}`, { defaultValue: t("spreadsheets.codes.INVALID_VALUE") })}
      <span className="muted" lang="en">
        {" "}
        — {problem.reason}
      </span>
    </>
  );
}
