import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useQuery } from "urql";
import { PageHeader } from "../../../ui/PageHeader";
import { QueryState } from "../../../ui/QueryState";
import { PersonLink } from "../../people/components/PersonLink";
import { useMayRead } from "../../people/hooks/useMayRead";
import { InstitutionFormButton } from "../../mapping/components/InstitutionForm";
import { ProgrammeFormButton } from "../../mapping/components/ProgrammeForm";
import { TeachingPeriodFormButton } from "../../mapping/components/TeachingPeriodForm";
import { institutionPageQuery } from "../graphql/organisationQueries";
import { AgreementsPanel } from "./AgreementsPanel";
import { EmbeddingSummary } from "./EmbeddingSummary";
import { OrganisationLink } from "./OrganisationLink";
import { TeachingCalendar } from "./TeachingCalendar";

/** The agreements that cover the institution, one of its programmes or one of their courses. */
function agreementIdsOf(i: {
  agreements: { id: string }[];
  programmes: { agreements: { id: string }[]; courses: { agreements: { id: string }[] }[] }[];
}): string[] {
  const ids = new Set(i.agreements.map((a) => a.id));
  for (const p of i.programmes) {
    for (const a of p.agreements) ids.add(a.id);
    for (const c of p.courses) for (const a of c.agreements) ids.add(a.id);
  }
  return [...ids].sort();
}

/**
 * One institution: its programmes and courses (with their teachers), deans and board members, the
 * teaching calendar, the agreements with the capacity left, and the embedding with its verdict.
 */
export function InstitutionPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const may = useMayRead();
  const [result, refetch] = useQuery({ query: institutionPageQuery, variables: { id } });
  const institution = result.data?.institutions[0];
  const reload = () => refetch({ requestPolicy: "network-only" });

  if (result.data && !institution) {
    return (
      <section>
        <PageHeader title={t("organisations.notFound")} />
        <Link to="/institutions">{t("notFound.back")}</Link>
      </section>
    );
  }

  return (
    <section className="entity-page">
      <QueryState fetching={result.fetching} error={result.error} hasData={Boolean(institution)} onRetry={reload}>
        {institution ? (
          <>
            <nav aria-label={t("cases.page.breadcrumb")} className="breadcrumb">
              <Link to="/institutions">{t("organisations.institutions")}</Link> <span aria-hidden="true">›</span>{" "}
              <span>{institution.name}</span>
            </nav>
            <PageHeader title={institution.name}>
              {may.graphWrite ? <InstitutionFormButton institution={institution} onDone={reload} /> : null}
            </PageHeader>
            <p className="muted">
              {[institution.shortName, t(`enums.level.${institution.kind}`, { defaultValue: institution.kind }), institution.city]
                .filter(Boolean)
                .join(" · ")}
              {institution.website ? (
                <>
                  {" · "}
                  <a href={institution.website} rel="noreferrer noopener" target="_blank">
                    {institution.website}
                  </a>
                </>
              ) : null}
            </p>
            <div className="entity-grid">
              <div className="entity-side">
                <EmbeddingSummary kind="INSTITUTION" id={institution.id} />
                <section className="panel" aria-labelledby="org-people">
                  <h2 id="org-people">{t("organisations.management")}</h2>
                  <dl className="facts">
                    <dt>{t("organisations.deans")}</dt>
                    <dd>
                      <PeopleList people={institution.deans} />
                    </dd>
                    <dt>{t("organisations.board")}</dt>
                    <dd>
                      <PeopleList people={institution.boardMembers} />
                    </dd>
                  </dl>
                </section>
                <section className="panel" aria-labelledby="org-calendar">
                  <h2 id="org-calendar">{t("organisations.calendar")}</h2>
                  {may.graphWrite ? <TeachingPeriodFormButton institutionId={institution.id} onDone={reload} /> : null}
                  <TeachingCalendar periods={institution.teachingPeriods} />
                </section>
              </div>
              <div className="entity-main">
                <section className="panel" aria-labelledby="org-programmes">
                  <h2 id="org-programmes">{t("organisations.programmes")}</h2>
                  {may.graphWrite ? (
                    <ProgrammeFormButton
                      institutionId={institution.id}
                      existingNames={institution.programmes.map((p) => p.name)}
                      onDone={reload}
                    />
                  ) : null}
                  {institution.programmes.length === 0 ? <p className="muted">{t("organisations.noProgrammes")}</p> : null}
                  <div className="table-scroll">
                    <table data-testid="org-programmes">
                      <thead>
                        <tr>
                          <th scope="col">{t("organisations.programme")}</th>
                          <th scope="col">{t("organisations.mapping")}</th>
                          <th scope="col">{t("organisations.roleHolders")}</th>
                          <th scope="col">{t("organisations.courses")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {institution.programmes.map((p) => (
                          <tr key={p.id}>
                            <td>
                              <OrganisationLink kind="PROGRAMME" id={p.id} name={p.name} />
                              <span className="muted small"> · {t(`organisations.programmeLevel.${p.level}`)}</span>
                            </td>
                            <td>{t(`enums.mappingStatus.${p.mappingStatus}`)}</td>
                            <td>
                              <PeopleList people={[...p.coordinators, ...p.directors]} />
                            </td>
                            <td>
                              {p.courses.length === 0
                                ? "—"
                                : p.courses.map((c, i) => (
                                    <span key={c.id}>
                                      {i > 0 ? "; " : ""}
                                      {c.name}
                                      {c.teachers.length > 0 ? (
                                        <span className="muted small">
                                          {" ("}
                                          <PeopleList people={c.teachers} />
                                          {")"}
                                        </span>
                                      ) : null}
                                    </span>
                                  ))}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </section>
                <AgreementsPanel ids={agreementIdsOf(institution)} />
              </div>
            </div>
          </>
        ) : null}
      </QueryState>
    </section>
  );
}

/** Names as links to their pages, comma-separated. */
export function PeopleList({ people }: { people: { id: string; name: string }[] }) {
  if (people.length === 0) return <>—</>;
  return (
    <>
      {people.map((p, i) => (
        <span key={p.id}>
          {i > 0 ? ", " : ""}
          <PersonLink id={p.id} name={p.name} />
        </span>
      ))}
    </>
  );
}
