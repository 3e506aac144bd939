import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useAccess } from "../../../app/access";
import { DownloadCsvButton } from "../../../ui/DownloadCsvButton";
import { PageHeader } from "../../../ui/PageHeader";
import { Tabs } from "../../../ui/Tabs";
import { exportContactsCsvQuery } from "../graphql/exportContactsCsvQuery";
import { AgreementsView } from "./AgreementsView";
import { ExampleAssignmentsView } from "./ExampleAssignmentsView";
import { InteractionLogView } from "./InteractionLogView";
import { MappingTableView } from "./MappingTableView";

const tabs = ["mapping", "agreements", "examples", "log"] as const;
type Tab = (typeof tabs)[number];

/** The broker's bottom-up method: the map of programmes and courses, agreements, examples, the log. */
export function OutreachPage() {
  const { t } = useTranslation();
  const { dataTransfer } = useAccess();
  const [params, setParams] = useSearchParams();
  const tab: Tab = tabs.find((x) => x === params.get("tab")) ?? "mapping";
  return (
    <section>
      <PageHeader title={t("outreach.title")}>
        {dataTransfer ? (
          <DownloadCsvButton
            query={exportContactsCsvQuery}
            field="exportContactsCsv"
            fileName="contacts.csv"
            label={t("outreach.exportContacts")}
          />
        ) : null}
        {dataTransfer ? <Link to="/import">{t("spreadsheets.importLink")}</Link> : null}
      </PageHeader>
      <Tabs
        label={t("outreach.title")}
        tabs={tabs.map((id) => ({ id, label: t(`outreach.tabs.${id}`) }))}
        current={tab}
        onChange={(id) => setParams({ tab: id })}
      />
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === "mapping" ? <MappingTableView /> : null}
        {tab === "agreements" ? <AgreementsView /> : null}
        {tab === "examples" ? <ExampleAssignmentsView /> : null}
        {tab === "log" ? <InteractionLogView /> : null}
      </div>
    </section>
  );
}
