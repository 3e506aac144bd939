import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { PageHeader } from "../../../ui/PageHeader";
import { QueryState } from "../../../ui/QueryState";
import { useMayRead } from "../../people/hooks/useMayRead";
import { InstitutionFormButton } from "../../mapping/components/InstitutionForm";
import { institutionsListQuery } from "../../mapping/graphql/mappingMutations";
import { OrganisationLink } from "./OrganisationLink";

/** Every institution, each linking to its page; coordinators add new ones here. */
export function InstitutionsPage() {
  const { t } = useTranslation();
  const may = useMayRead();
  const [result, refetch] = useQuery({ query: institutionsListQuery });
  const list = result.data?.institutions ?? [];
  return (
    <section>
      <PageHeader title={t("organisations.institutions")}>
        {may.graphWrite ? <InstitutionFormButton existingNames={list.map((i) => i.name)} /> : null}
      </PageHeader>
      <QueryState
        fetching={result.fetching}
        error={result.error}
        hasData={Boolean(result.data)}
        onRetry={() => refetch({ requestPolicy: "network-only" })}
      >
        <div className="panel table-scroll">
          <table data-testid="institutions">
            <thead>
              <tr>
                <th scope="col">{t("mapping.fields.name")}</th>
                <th scope="col">{t("mapping.fields.kind")}</th>
                <th scope="col">{t("mapping.fields.city")}</th>
                <th scope="col">{t("organisations.programmes")}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((i) => (
                <tr key={i.id}>
                  <td>
                    <OrganisationLink kind="INSTITUTION" id={i.id} name={i.name} />
                    {i.shortName ? <span className="muted small"> · {i.shortName}</span> : null}
                  </td>
                  <td>{t(`enums.level.${i.kind}`, { defaultValue: i.kind })}</td>
                  <td>{i.city ?? "—"}</td>
                  <td>{i.programmesConnection.totalCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </QueryState>
    </section>
  );
}
