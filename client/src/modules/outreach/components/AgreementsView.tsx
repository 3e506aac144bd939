import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { QueryState } from "../../../ui/QueryState";
import { useFormat } from "../../../ui/useFormat";
import { agreementCapacityQuery, agreementsQuery } from "../graphql/agreementsQuery";
import { OrganisationLink } from "../../organisations/components/OrganisationLink";
import { PeopleList } from "../../organisations/components/InstitutionPage";

/** Agreements: what they cover, on what terms, and how much of their capacity each period used. */
export function AgreementsView() {
  const { t } = useTranslation();
  const f = useFormat();
  const [result, refetch] = useQuery({ query: agreementsQuery });
  const agreements = result.data?.agreements ?? [];
  // Capacity as the server counts it when matching, for the agreements listed.
  const ids = agreements.map((a) => a.id);
  const [capacityResult, refetchCapacity] = useQuery({
    query: agreementCapacityQuery,
    variables: { agreements: ids },
    pause: ids.length === 0,
  });
  const capacityOf = new Map((capacityResult.data?.agreementCapacity ?? []).map((c) => [c.agreementId, c.courses]));
  const retry = () => {
    refetch({ requestPolicy: "network-only" });
    refetchCapacity({ requestPolicy: "network-only" });
  };
  return (
    <QueryState
      fetching={result.fetching}
      error={result.error ?? capacityResult.error}
      hasData={Boolean(result.data)}
      onRetry={retry}
    >
      <p className="muted">{t("outreach.agreementCount", { count: agreements.length })}</p>
      <ul className="card-list">
        {agreements.map((a) => {
          const covers = [
            ...a.institutions.map((i) => i.name),
            ...a.programmes.map((p) => p.name),
            ...a.courses.map((c) => c.name),
          ];
          const capacity = capacityOf.get(a.id) ?? [];
          return (
            <li key={a.id} className="panel agreement">
              <div className="agreement-head">
                <h3>
                  {covers.length === 0
                    ? t("common.none")
                    : [
                        ...a.institutions.map((i) => <OrganisationLink key={i.id} kind="INSTITUTION" id={i.id} name={i.name} />),
                        ...a.programmes.map((p) => <OrganisationLink key={p.id} kind="PROGRAMME" id={p.id} name={p.name} />),
                        ...a.courses.map((c) => <span key={c.id}>{c.name}</span>),
                      ].flatMap((node, i) => (i === 0 ? [node] : [", ", node]))}
                </h3>
                <span className="badge status">{t(`outreach.scope.${a.scope}`)}</span>
                {a.structural ? (
                  <span className="badge rag-GREEN">{t("outreach.structural")}</span>
                ) : (
                  <span className="badge">{t("outreach.oneOff")}</span>
                )}
              </div>
              <dl className="facts">
                <dt>{t("outreach.valid")}</dt>
                <dd>
                  {f.date(a.validFrom)} – {a.validTo ? f.date(a.validTo) : t("outreach.open")}
                </dd>
                <dt>{t("outreach.signedBy")}</dt>
                <dd>
                  <PeopleList people={a.signedBy} />
                  {a.signedOn ? ` (${f.date(a.signedOn)})` : ""}
                </dd>
                <dt>{t("outreach.types")}</dt>
                <dd>{a.assignmentTypes.map((k) => t(`enums.courseKind.${k}`)).join(", ") || "—"}</dd>
                <dt>{t("outreach.casesPerPeriod")}</dt>
                <dd>{a.casesPerPeriod ?? "—"}</dd>
                {a.planning ? (
                  <>
                    <dt>{t("outreach.planning")}</dt>
                    <dd>{a.planning}</dd>
                  </>
                ) : null}
                {a.process ? (
                  <>
                    <dt>{t("outreach.process")}</dt>
                    <dd>{a.process}</dd>
                  </>
                ) : null}
                {a.supervision ? (
                  <>
                    <dt>{t("outreach.supervision")}</dt>
                    <dd>{a.supervision}</dd>
                  </>
                ) : null}
              </dl>
              {capacity.length > 0 ? (
                <table className="table capacity">
                  <caption>{t("outreach.capacityCaption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("outreach.period")}</th>
                      <th scope="col">{t("outreach.course")}</th>
                      <th scope="col" className="num">
                        {t("outreach.used")}
                      </th>
                      <th scope="col">{t("outreach.capacityBar")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {capacity.map((c) => {
                      const full = c.remaining !== null && c.remaining <= 0;
                      return (
                        <tr key={`${c.courseId}:${c.periodId}`}>
                          <td>
                            {c.periodName} {c.academicYear}
                          </td>
                          <td>
                            {c.courseName}
                            {c.governingAgreementId !== a.id ? (
                              <span className="muted"> ({t("outreach.governedElsewhere")})</span>
                            ) : null}
                          </td>
                          <td className="num">
                            {c.used} / {c.casesPerPeriod ?? "∞"}
                          </td>
                          <td>
                            {c.casesPerPeriod ? (
                              <meter
                                min={0}
                                max={c.casesPerPeriod}
                                value={Math.min(c.used, c.casesPerPeriod)}
                                className={full ? "full" : undefined}
                              >
                                {c.used} / {c.casesPerPeriod}
                              </meter>
                            ) : null}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              ) : null}
            </li>
          );
        })}
      </ul>
    </QueryState>
  );
}
