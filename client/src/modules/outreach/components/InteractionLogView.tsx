import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { useAccess } from "../../../app/access";
import { QueryState } from "../../../ui/QueryState";
import { SortableTable } from "../../../ui/SortableTable";
import { useFormat } from "../../../ui/useFormat";
import type { InteractionLogQuery } from "../../../generated/graphql";
import { interactionLogQuery } from "../graphql/interactionLogQuery";
import { PersonLink } from "../../people/components/PersonLink";

type LogRow = InteractionLogQuery["interactionLog"][number];

// The log may be empty, so the cache is told which type it holds.
const logContext = { additionalTypenames: ["OutreachInteraction"] };

/** The outreach log, newest first. */
export function InteractionLogView() {
  const { t } = useTranslation();
  const f = useFormat();
  // Notes about contacts are contact details (CONTACT_DETAILS): not asked for, and no column, for other roles.
  const { contactDetails } = useAccess();
  const [result, refetch] = useQuery({
    query: interactionLogQuery,
    variables: { limit: 200, contactDetails },
    context: logContext,
  });
  return (
    <QueryState
      fetching={result.fetching}
      error={result.error}
      hasData={Boolean(result.data)}
      onRetry={() => refetch({ requestPolicy: "network-only" })}
    >
      <SortableTable
        caption={t("outreach.tabs.log")}
        rows={result.data?.interactionLog ?? []}
        rowKey={(r) => r.id}
        columns={[
          { key: "date", header: t("outreach.fields.date"), render: (r) => f.date(r.date), sortValue: (r) => r.date },
          {
            key: "by",
            header: t("outreach.fields.by"),
            render: (r) => <PersonLink id={r.by.id} name={r.by.name} />,
            sortValue: (r) => r.by.name,
          },
          {
            key: "with",
            header: t("outreach.fields.with"),
            render: (r) => <PersonLink id={r.with.id} name={r.with.name} />,
            sortValue: (r) => r.with.name,
          },
          {
            key: "channel",
            header: t("outreach.fields.channel"),
            render: (r) => t(`enums.channel.${r.channel}`),
            sortValue: (r) => r.channel,
          },
          { key: "result", header: t("outreach.fields.result"), render: (r) => (r.result ? t(`enums.result.${r.result}`) : "—") },
          {
            key: "about",
            header: t("outreach.columns.about"),
            render: (r) => r.aboutCourse?.name ?? r.aboutProgramme?.name ?? "—",
          },
          ...(contactDetails ? [{ key: "note", header: t("outreach.fields.note"), render: (r: LogRow) => r.note ?? "" }] : []),
        ]}
      />
    </QueryState>
  );
}
