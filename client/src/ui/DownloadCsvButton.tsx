import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useClient, type TypedDocumentNode } from "urql";

/**
 * Fetches a CSV export from the API on click and hands it to the browser as a file download.
 * Fetched on demand (network-only): an export is a snapshot of now, never a cached one.
 */
export function DownloadCsvButton<Data extends Record<string, unknown>, Variables extends Record<string, unknown>>({
  query,
  variables,
  field,
  fileName,
  label,
}: {
  query: TypedDocumentNode<Data, Variables>;
  /** The export's arguments (the cases export: the language of its topic labels). */
  variables?: Variables;
  field: keyof Data;
  fileName: string;
  label: string;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");
  async function download() {
    setState("busy");
    const result = await client.query(query, variables ?? ({} as Variables), { requestPolicy: "network-only" }).toPromise();
    const csv = result.data?.[field];
    if (typeof csv !== "string") {
      setState("failed");
      return;
    }
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.click();
    URL.revokeObjectURL(url);
    setState("idle");
  }
  return (
    <>
      <button type="button" onClick={() => void download()} disabled={state === "busy"}>
        {state === "busy" ? t("common.preparing") : label}
      </button>
      {state === "failed" ? (
        <span className="field-error" role="alert">
          {t("common.downloadFailed")}
        </span>
      ) : null}
    </>
  );
}
