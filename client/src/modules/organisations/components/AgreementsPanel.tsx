import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { QueryState } from "../../../ui/QueryState";
import { useFormat } from "../../../ui/useFormat";
import { PersonLink } from "../../people/components/PersonLink";
import { organisationAgreementsQuery } from "../graphql/organisationQueries";

/**
 * The agreements that cover an institution, programme or their courses: the five terms (type,
 * number, planning, process, supervision), and per course and teaching period the places left as
 * the server counts them when matching (agreementCapacity).
 */
export function AgreementsPanel({ ids, children }: { ids: string[]; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [result, refetch] = useQuery({ query: organisationAgreementsQuery, variables: { ids }, pause: ids.length === 0 });
  const capacity = new Map((result.data?.agreementCapacity ?? []).map((c) => [c.agreementId, c.courses]));
  return (
    <section className="panel" aria-labelledby="org-agreements">
      <h2 id="org-agreements">{t("organisations.agreements")}</h2>
      {children}
      {ids.length === 0 ? (
        <p className="muted">{t("organisations.noAgreements")}</p>
      ) : (
        <QueryState
          fetching={result.fetching}
          error={result.error}
          hasData={Boolean(result.data)}
          onRetry={() => refetch({ requestPolicy: "network-only" })}
        >
          <ul className="plain-list agreement-list" data-testid="org-agreements">
            {(result.data?.agreements ?? []).map((a) => (
              <li key={a.id} data-agreement={a.id} className="agreement-item">
                <p>
                  <strong>{t(`outreach.scope.${a.scope}`, { defaultValue: a.scope })}</strong>{" "}
                  {[...a.institutions, ...a.programmes, ...a.courses].map((x) => x.name).join(", ")}
                  <span className="muted">
                    {" "}
                    · {a.structural ? t("outreach.structural") : t("outreach.oneOff")} · {f.date(a.validFrom)} –{" "}
                    {a.validTo ? f.date(a.validTo) : t("outreach.open")}
                  </span>
                </p>
                <dl className="facts">
                  <dt>{t("outreach.types")}</dt>
                  <dd>{a.assignmentTypes.map((k) => t(`enums.courseKind.${k}`, { defaultValue: k })).join(", ") || "—"}</dd>
                  <dt>{t("outreach.casesPerPeriod")}</dt>
                  <dd>{a.casesPerPeriod ?? "—"}</dd>
                  <dt>{t("outreach.planning")}</dt>
                  <dd>{a.planning ?? "—"}</dd>
                  <dt>{t("outreach.process")}</dt>
                  <dd>{a.process ?? "—"}</dd>
                  <dt>{t("outreach.supervision")}</dt>
                  <dd>{a.supervision ?? "—"}</dd>
                  <dt>{t("outreach.signedBy")}</dt>
                  <dd>
                    {a.signedBy.length === 0
                      ? "—"
                      : a.signedBy.map((p, i) => (
                          <span key={p.id}>
                            {i > 0 ? ", " : ""}
                            <PersonLink id={p.id} name={p.name} />
                          </span>
                        ))}
                  </dd>
                </dl>
                {(capacity.get(a.id) ?? []).length > 0 ? (
                  <div className="table-scroll">
                    <table className="capacity-table" data-testid="agreement-capacity">
                      <caption className="muted small">{t("organisations.capacityCaption")}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t("organisations.course")}</th>
                          <th scope="col">{t("organisations.period")}</th>
                          <th scope="col">{t("organisations.used")}</th>
                          <th scope="col">{t("organisations.remaining")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {(capacity.get(a.id) ?? []).map((c) => (
                          <tr key={`${c.courseId}-${c.periodId}`}>
                            <td>{c.courseName}</td>
                            <td>
                              {c.periodName} <span className="muted small">{c.academicYear}</span>
                            </td>
                            <td>
                              {c.used}
                              {c.casesPerPeriod !== null && c.casesPerPeriod !== undefined ? ` / ${c.casesPerPeriod}` : ""}
                            </td>
                            <td data-testid="capacity-remaining">{c.remaining ?? t("organisations.unlimited")}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </QueryState>
      )}
    </section>
  );
}
