import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useClient } from "urql";
import { graphql } from "../../../generated";

const exportPersonQuery = graphql(`
  query ExportPerson($id: ID!) {
    exportPerson(id: $id) {
      personId
      exportedAt
      document
    }
  }
`);

/**
 * The person's data export (exportPerson, docs/security.md: a data subject's request) as a JSON file download.
 * Fetched on click, never cached: it is personal data and a snapshot of now.
 */
export function PersonDataDownloadButton({ id }: { id: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");
  async function download() {
    setState("busy");
    const result = await client.query(exportPersonQuery, { id }, { requestPolicy: "network-only" }).toPromise();
    const data = result.data?.exportPerson;
    if (!data) {
      setState("failed");
      return;
    }
    const url = URL.createObjectURL(new Blob([data.document], { type: "application/json;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `person-${data.personId}.json`;
    link.click();
    URL.revokeObjectURL(url);
    setState("idle");
  }
  return (
    <>
      <button type="button" onClick={() => void download()} disabled={state === "busy"}>
        {state === "busy" ? t("common.preparing") : t("people.exportData")}
      </button>
      {state === "failed" ? (
        <span className="field-error" role="alert">
          {t("common.downloadFailed")}
        </span>
      ) : null}
    </>
  );
}
