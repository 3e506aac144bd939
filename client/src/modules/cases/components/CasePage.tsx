import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { useQuery } from "urql";
import { useAccess } from "../../../app/access";
import { PageHeader } from "../../../ui/PageHeader";
import { QueryState } from "../../../ui/QueryState";
import { StatusBadge } from "../../../ui/StatusBadge";
import { useFormat } from "../../../ui/useFormat";
import { caseDetailQuery, caseProposalsQuery } from "../graphql/casePageQueries";
import { CaseActions } from "./CaseActions";
import { ProposalsPanel } from "./ProposalsPanel";
import { SprintPanel } from "./SprintPanel";
import { SuggestionsPanel } from "./SuggestionsPanel";
import { TimelinePanel } from "./TimelinePanel";
import { caseQueryContext } from "../hooks/caseChangeTypenames";
import { CaseChangesPanel } from "../../case-edit/components/CaseChangesPanel";
import { CaseSignals } from "./CaseSignals";
import { CaseEditButton } from "../../case-edit/components/CaseEditButton";
import { PersonLink } from "../../people/components/PersonLink";
import { useMayRead } from "../../people/hooks/useMayRead";

/**
 * One case: the SME and its contact, the question, the timeline, the suggestions with their
 * factors and warm paths (propose and match from there), the proposals, and the sprint.
 */
export function CasePage() {
  const { caseId = "" } = useParams();
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const may = useMayRead();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const [message, setMessage] = useState<string | null>(created ? t("cases.page.createdMessage") : null);
  // The question and contact details only for roles that may read them; buttons only for those who may act.
  const access = useAccess();
  const [result, refetch] = useQuery({
    query: caseDetailQuery,
    variables: { id: caseId, caseText: access.caseText, contactDetails: access.contactDetails },
    context: caseQueryContext,
  });
  const [proposals] = useQuery({
    query: caseProposalsQuery,
    variables: { case: caseId, caseText: access.caseText },
    context: caseQueryContext,
  });
  const item = result.data?.cases[0];
  // The steps and whether suggestions still matter come from the server (caseWorkflow), not from item.status.
  const workflow = result.data?.caseWorkflow;
  const allowedActions = access.caseWork ? (workflow?.allowedActions ?? []) : [];

  useEffect(() => {
    if (location.hash === "#suggestions") document.getElementById("suggestions")?.focus();
  }, [location.hash, item?.id]);

  if (result.data && !item) {
    return (
      <section>
        <PageHeader title={t("cases.page.notFound")} />
        <Link to="/cases">{t("notFound.back")}</Link>
      </section>
    );
  }

  const sme = item?.sme[0];
  // The referral belongs to the case: another case of the same SME may have come through another partner.
  const referral = item?.referredByConnection.edges[0];
  const matchCourses = (proposals.data?.caseProposals ?? [])
    .filter((p, i, all) => p.courseId && all.findIndex((q) => q.courseId === p.courseId) === i)
    .map((p) => ({ id: p.courseId as string, name: `${p.courseName ?? ""} · ${p.teacherName}` }));

  return (
    <section className="case-page">
      <QueryState
        fetching={result.fetching}
        error={result.error}
        hasData={Boolean(item)}
        onRetry={() => refetch({ requestPolicy: "network-only" })}
      >
        {item ? (
          <>
            <nav aria-label={t("cases.page.breadcrumb")} className="breadcrumb">
              <Link to="/cases">{t("board.title")}</Link> <span aria-hidden="true">›</span> <span>{item.title}</span>
            </nav>
            <PageHeader title={item.title}>
              <span data-testid="case-status">
                <StatusBadge status={item.status} />
              </span>
              {may.graphWrite ? <CaseEditButton item={item} onDone={setMessage} /> : null}
            </PageHeader>
            {/* The same deadline and ageing signals as the case's board card (server: case-signals.ts). */}
            {workflow ? <CaseSignals signals={workflow.signals} className="case-signals" testId="case-signals" /> : null}
            <CaseActions
              caseId={item.id}
              title={item.title}
              allowedActions={allowedActions}
              onDone={setMessage}
              {...(matchCourses.length > 0 ? { matchCourses } : {})}
            />
            {message ? (
              <p className="success" role="status">
                {message}
              </p>
            ) : null}
            <div className="case-grid">
              <div className="case-side">
                <section className="panel" aria-labelledby="case-facts">
                  <h2 id="case-facts">{t("cases.page.question")}</h2>
                  {access.caseText ? (
                    item.question ? (
                      <p>{item.question}</p>
                    ) : (
                      <p className="muted">{t("cases.page.noQuestion")}</p>
                    )
                  ) : null}
                  <dl className="facts">
                    <dt>{t("cases.page.topics")}</dt>
                    <dd title={item.topics.join(", ")}>
                      {/* The vocabulary's labels in the reader's language (issue #15); the typed words on hover. */}
                      {(item.about.length > 0
                        ? item.about.map((topic) => (i18n.language === "en" ? topic.labelEn : topic.labelNl))
                        : item.topics
                      ).join(", ") || "—"}
                    </dd>
                    <dt>{t("cases.page.levels")}</dt>
                    <dd>{item.wantedLevels.join(", ") || "—"}</dd>
                    <dt>{t("cases.page.effort")}</dt>
                    <dd>{item.effort ? t(`enums.effort.${item.effort}`) : "—"}</dd>
                    <dt>{t("cases.page.window")}</dt>
                    <dd>
                      {f.date(item.earliestStart)} – {f.date(item.deadline)}
                    </dd>
                    <dt>{t("cases.page.created")}</dt>
                    <dd>{f.dateTime(item.created)}</dd>
                    <dt>{t("cases.page.coordinator")}</dt>
                    <dd>
                      {item.coordinator.length === 0
                        ? "—"
                        : item.coordinator.map((c, i) => (
                            <span key={c.id}>
                              {i > 0 ? ", " : ""}
                              <PersonLink id={c.id} name={c.name} />
                            </span>
                          ))}
                    </dd>
                  </dl>
                </section>
                {item.selfSubmitted ? (
                  // Self-submitted through the public form (issue #18): the consent as recorded, wording and date.
                  <section className="panel" aria-labelledby="case-consent" data-testid="case-consent">
                    <h2 id="case-consent">{t("cases.page.consent")}</h2>
                    <p className="badge-self-submitted">{t("cases.page.selfSubmitted")}</p>
                    {item.consentText ? (
                      <blockquote lang={item.submissionLanguage === "EN" ? "en" : "nl"}>{item.consentText}</blockquote>
                    ) : null}
                    <p className="muted">
                      {t("cases.page.consentGiven", {
                        date: item.consentAt ? f.dateTime(item.consentAt) : "—",
                        version: item.consentVersion ?? "—",
                        language: item.submissionLanguage ?? "—",
                      })}
                    </p>
                    {access.caseText && item.heardOf ? (
                      <dl className="facts">
                        <dt>{t("cases.page.heardOf")}</dt>
                        <dd>{item.heardOf}</dd>
                      </dl>
                    ) : null}
                  </section>
                ) : null}
                {sme ? (
                  <section className="panel" aria-labelledby="case-sme">
                    <h2 id="case-sme">{sme.name}</h2>
                    <dl className="facts">
                      <dt>{t("cases.page.kvk")}</dt>
                      <dd>{sme.kvkNumber ?? "—"}</dd>
                      <dt>{t("cases.page.city")}</dt>
                      <dd>{sme.city ?? "—"}</dd>
                      <dt>{t("cases.page.sector")}</dt>
                      <dd>{sme.sector ?? "—"}</dd>
                      <dt>{t("cases.page.size")}</dt>
                      <dd>{sme.size ? t(`enums.smeSize.${sme.size}`) : "—"}</dd>
                      <dt>{t("cases.page.referredBy")}</dt>
                      <dd>
                        {referral ? (
                          <>
                            {referral.node.name}
                            {item.referringPerson ? (
                              <>
                                {" ("}
                                <PersonLink id={item.referringPerson.id} name={item.referringPerson.name} />
                                {")"}
                              </>
                            ) : null}
                            , {f.date(referral.properties.date)}
                          </>
                        ) : (
                          "—"
                        )}
                      </dd>
                    </dl>
                    {sme.contacts.map((c) => (
                      <div key={c.id} className="contact">
                        <h3>{t("cases.page.contact")}</h3>
                        <p>
                          <strong>
                            <PersonLink id={c.id} name={c.name} />
                          </strong>
                          {c.jobTitle ? <span className="muted"> · {c.jobTitle}</span> : null}
                        </p>
                        {c.email ? (
                          <p>
                            <a href={`mailto:${c.email}`}>{c.email}</a>
                          </p>
                        ) : null}
                        {c.phone ? <p>{c.phone}</p> : null}
                      </div>
                    ))}
                  </section>
                ) : null}
                <TimelinePanel caseId={item.id} />
                <CaseChangesPanel caseId={item.id} />
              </div>
              <div className="case-main">
                {item.sprints.map((s) => (
                  <SprintPanel key={s.id} sprintId={s.id} />
                ))}
                <ProposalsPanel caseId={item.id} onDone={setMessage} />
                {workflow?.acceptsSuggestions ? (
                  <SuggestionsPanel caseId={item.id} caseTitle={item.title} allowedActions={allowedActions} onDone={setMessage} />
                ) : null}
              </div>
            </div>
          </>
        ) : null}
      </QueryState>
    </section>
  );
}
