import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useQuery } from "urql";
import { PageHeader } from "../../../ui/PageHeader";
import { QueryState } from "../../../ui/QueryState";
import { useMayRead } from "../../people/hooks/useMayRead";
import { AgreementFormButton } from "../../mapping/components/AgreementForm";
import { CourseFormButton } from "../../mapping/components/CourseForm";
import { PersonFormButton } from "../../mapping/components/PersonForm";
import { ProgrammeFormButton } from "../../mapping/components/ProgrammeForm";
import { programmePageQuery } from "../graphql/organisationQueries";
import { AgreementsPanel } from "./AgreementsPanel";
import { EmbeddingSummary } from "./EmbeddingSummary";
import { PeopleList } from "./InstitutionPage";
import { OrganisationLink } from "./OrganisationLink";
import { TeachingCalendar } from "./TeachingCalendar";

/**
 * One programme: its courses with their teachers and teaching periods, coordinators and directors,
 * the institution's teaching calendar (which course runs when), the agreements with the capacity
 * left, and the embedding ladder with each rung's reason.
 */
export function ProgrammePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const may = useMayRead();
  const [result, refetch] = useQuery({ query: programmePageQuery, variables: { id } });
  const programme = result.data?.programmes[0];
  const reload = () => refetch({ requestPolicy: "network-only" });

  if (result.data && !programme) {
    return (
      <section>
        <PageHeader title={t("organisations.notFound")} />
        <Link to="/institutions">{t("notFound.back")}</Link>
      </section>
    );
  }
  const institution = programme?.institution[0];
  const agreementIds = programme
    ? [
        ...new Set([
          ...programme.agreements.map((a) => a.id),
          ...programme.courses.flatMap((c) => c.agreements.map((a) => a.id)),
          ...(institution?.agreements.map((a) => a.id) ?? []),
        ]),
      ].sort()
    : [];
  const coursesIn = (periodId: string) =>
    (programme?.courses ?? []).filter((c) => c.teachingPeriods.some((p) => p.id === periodId)).map((c) => c.name);

  return (
    <section className="entity-page">
      <QueryState fetching={result.fetching} error={result.error} hasData={Boolean(programme)} onRetry={reload}>
        {programme ? (
          <>
            <nav aria-label={t("cases.page.breadcrumb")} className="breadcrumb">
              <Link to="/institutions">{t("organisations.institutions")}</Link> <span aria-hidden="true">›</span>{" "}
              {institution ? (
                <>
                  <OrganisationLink kind="INSTITUTION" id={institution.id} name={institution.name} />{" "}
                  <span aria-hidden="true">›</span>{" "}
                </>
              ) : null}
              <span>{programme.name}</span>
            </nav>
            <PageHeader title={programme.name}>
              {may.graphWrite && institution ? (
                <ProgrammeFormButton institutionId={institution.id} programme={programme} existingNames={[]} onDone={reload} />
              ) : null}
            </PageHeader>
            <p className="muted">
              {t(`organisations.programmeLevel.${programme.level}`)} · {t(`enums.mappingStatus.${programme.mappingStatus}`)}
            </p>
            <div className="entity-grid">
              <div className="entity-side">
                <EmbeddingSummary kind="PROGRAMME" id={programme.id} />
                <section className="panel" aria-labelledby="org-people">
                  <h2 id="org-people">{t("organisations.management")}</h2>
                  {may.graphWrite && institution ? (
                    <PersonFormButton
                      roleTargets={{ programmeId: programme.id, institutionId: institution.id }}
                      onDone={reload}
                    />
                  ) : null}
                  <dl className="facts">
                    <dt>{t("organisations.coordinators")}</dt>
                    <dd>
                      <PeopleList people={programme.coordinators} />
                    </dd>
                    <dt>{t("organisations.directors")}</dt>
                    <dd>
                      <PeopleList people={programme.directors} />
                    </dd>
                  </dl>
                </section>
                <section className="panel" aria-labelledby="org-calendar">
                  <h2 id="org-calendar">{t("organisations.calendar")}</h2>
                  <TeachingCalendar periods={institution?.teachingPeriods ?? []} coursesIn={coursesIn} />
                </section>
              </div>
              <div className="entity-main">
                <section className="panel" aria-labelledby="org-courses">
                  <h2 id="org-courses">{t("organisations.courses")}</h2>
                  {may.graphWrite && institution ? (
                    <CourseFormButton
                      programmeId={programme.id}
                      periods={institution.teachingPeriods}
                      existingNames={programme.courses.map((c) => c.name)}
                      onDone={reload}
                    />
                  ) : null}
                  {programme.courses.length === 0 ? <p className="muted">{t("organisations.noCourses")}</p> : null}
                  <div className="table-scroll">
                    <table data-testid="org-courses">
                      <thead>
                        <tr>
                          <th scope="col">{t("organisations.course")}</th>
                          <th scope="col">{t("organisations.mapping")}</th>
                          <th scope="col">{t("organisations.teachers")}</th>
                          <th scope="col">{t("organisations.periods")}</th>
                          {may.graphWrite && institution ? <th scope="col">{t("organisations.actions")}</th> : null}
                        </tr>
                      </thead>
                      <tbody>
                        {programme.courses.map((c) => (
                          <tr key={c.id} id={`course-${c.id}`}>
                            <td>
                              {c.name}
                              <span className="muted small">
                                {" "}
                                · {t(`enums.courseKind.${c.kind}`, { defaultValue: c.kind })}
                                {c.studyYear ? ` · ${t("organisations.studyYear", { year: c.studyYear })}` : ""}
                              </span>
                              {c.themes.length > 0 ? <div className="muted small">{c.themes.join(", ")}</div> : null}
                            </td>
                            <td>{t(`enums.mappingStatus.${c.mappingStatus}`)}</td>
                            <td>
                              <PeopleList people={c.teachers} />
                            </td>
                            <td>{c.teachingPeriods.map((p) => `${p.name} ${p.academicYear}`).join(", ") || "—"}</td>
                            {may.graphWrite && institution ? (
                              <td className="row-actions">
                                <CourseFormButton
                                  programmeId={programme.id}
                                  periods={institution.teachingPeriods}
                                  existingNames={[]}
                                  course={c}
                                  onDone={reload}
                                />
                                <PersonFormButton
                                  roleTargets={{ courseId: c.id, courseName: c.name, institutionId: institution.id }}
                                  onDone={reload}
                                />
                              </td>
                            ) : null}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </section>
                <AgreementsPanel ids={agreementIds}>
                  {may.graphWrite && institution ? (
                    <AgreementFormButton
                      programme={{ id: programme.id, name: programme.name }}
                      courses={programme.courses.map((c) => ({ id: c.id, name: c.name }))}
                      onDone={reload}
                    />
                  ) : null}
                </AgreementsPanel>
              </div>
            </div>
          </>
        ) : null}
      </QueryState>
    </section>
  );
}
