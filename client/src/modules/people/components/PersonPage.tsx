import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useQuery } from "urql";
import { PageHeader } from "../../../ui/PageHeader";
import { QueryState } from "../../../ui/QueryState";
import { StatusBadge } from "../../../ui/StatusBadge";
import { useFormat } from "../../../ui/useFormat";
import { OrganisationLink } from "../../organisations/components/OrganisationLink";
import { personContactQuery, personPageQuery } from "../graphql/personPageQuery";
import { useMayRead } from "../hooks/useMayRead";
import { buildPersonTimeline, personRoles, type PersonTimelineEntry } from "../hooks/personTimeline";
import { PersonLink } from "./PersonLink";
import { PersonDataDownloadButton } from "./PersonDataDownloadButton";
import { useAccess } from "../../../app/access";
import { TieStrengthButton } from "./TieStrengthDialog";
import { PersonEditButton } from "../../mapping/components/PersonEditForm";
import { CoordinatorTiesPanel } from "../../explorer/components/CoordinatorTiesPanel";
import { ImpactIfGonePanel } from "../../explorer/components/ImpactIfGonePanel";
import { InviteButton, type InvitableRole } from "../../invitations/components/InviteButton";

/**
 * One person: the roles they hold and where, their ties (strength, channel, last contact), and the
 * interactions, proposals, sprints, agreements and cases they are part of on one timeline.
 */
export function PersonPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const may = useMayRead();
  const { personalDataExport } = useAccess();
  const [result, refetch] = useQuery({ query: personPageQuery, variables: { id } });
  // Contact details only for roles that may read them: the question is not even asked otherwise.
  const [contact, refetchContact] = useQuery({ query: personContactQuery, variables: { id }, pause: !may.contactDetails });
  const person = result.data?.people[0];

  if (result.data && !person) {
    return (
      <section>
        <PageHeader title={t("people.notFound")} />
        <Link to="/explorer">{t("notFound.back")}</Link>
      </section>
    );
  }
  const details = contact.data?.people[0];
  const roles = person ? personRoles(person) : [];
  const timeline = result.data && person ? buildPersonTimeline(result.data, person.id) : [];
  // The portal roles the person's roles in the graph allow (invitePerson checks the same).
  const invitable: InvitableRole[] = [
    ...(roles.some((r) => ["COORDINATOR", "DIRECTOR", "DEAN", "BOARD"].includes(r.kind))
      ? (["INSTITUTION_CONTACT"] as const)
      : []),
    ...(roles.some((r) => r.kind === "TEACHER") ? (["TEACHER"] as const) : []),
  ];

  return (
    <section className="entity-page">
      <QueryState
        fetching={result.fetching}
        error={result.error}
        hasData={Boolean(person)}
        onRetry={() => refetch({ requestPolicy: "network-only" })}
      >
        {person ? (
          <>
            <PageHeader title={person.name}>
              <Link to={`/explorer?focus=person:${person.id}`}>{t("people.inExplorer")}</Link>
              {personalDataExport ? <PersonDataDownloadButton id={person.id} /> : null}
              {may.graphWrite && may.contactDetails && details ? (
                <PersonEditButton
                  person={{ ...person, ...details }}
                  onDone={() => refetchContact({ requestPolicy: "network-only" })}
                />
              ) : null}
              {may.graphWrite && may.contactDetails && details ? (
                <InviteButton personId={person.id} personName={person.name} email={details.email ?? null} roles={invitable} />
              ) : null}
            </PageHeader>
            {person.jobTitle ? <p className="muted">{person.jobTitle}</p> : null}
            <div className="entity-grid">
              <div className="entity-side">
                <section className="panel" aria-labelledby="person-roles">
                  <h2 id="person-roles">{t("people.roles")}</h2>
                  {roles.length === 0 ? <p className="muted">{t("people.noRoles")}</p> : null}
                  <ul className="plain-list" data-testid="person-roles">
                    {roles.map((r) => (
                      <li key={`${r.kind}-${r.at.id}`}>
                        <strong>{t(`people.roleKind.${r.kind}`)}</strong>{" "}
                        {r.at.href ? <Link to={r.at.href}>{r.at.name}</Link> : r.at.name}
                        {r.within ? (
                          <span className="muted">
                            {" · "}
                            {r.within.href ? <Link to={r.within.href}>{r.within.name}</Link> : r.within.name}
                          </span>
                        ) : null}
                        {r.institution ? (
                          <span className="muted">
                            {" · "}
                            <Link to={r.institution.href}>{r.institution.name}</Link>
                          </span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </section>
                {details ? (
                  <section className="panel" aria-labelledby="person-contact">
                    <h2 id="person-contact">{t("people.contact")}</h2>
                    <dl className="facts">
                      <dt>{t("people.email")}</dt>
                      <dd>{details.email ? <a href={`mailto:${details.email}`}>{details.email}</a> : "—"}</dd>
                      <dt>{t("people.phone")}</dt>
                      <dd>{details.phone ?? "—"}</dd>
                      <dt>{t("people.note")}</dt>
                      <dd>{details.note ?? "—"}</dd>
                    </dl>
                  </section>
                ) : null}
                <section className="panel" aria-labelledby="person-agreements">
                  <h2 id="person-agreements">{t("people.agreements")}</h2>
                  {person.signed.length === 0 ? <p className="muted">{t("people.noAgreements")}</p> : null}
                  <ul className="plain-list">
                    {person.signed.map((a) => (
                      <li key={a.id}>
                        {t(`outreach.scope.${a.scope}`, { defaultValue: a.scope })}:{" "}
                        {[
                          ...a.institutions.map((i) => (
                            <OrganisationLink key={i.id} kind="INSTITUTION" id={i.id} name={i.name} />
                          )),
                          ...a.programmes.map((p) => <OrganisationLink key={p.id} kind="PROGRAMME" id={p.id} name={p.name} />),
                          ...a.courses.map((c) => <span key={c.id}>{c.name}</span>),
                        ].flatMap((node, i) => (i === 0 ? [node] : [", ", node]))}
                        <span className="muted">
                          {" "}
                          · {f.date(a.validFrom)} – {f.date(a.validTo)}
                        </span>
                      </li>
                    ))}
                  </ul>
                </section>
              </div>
              <div className="entity-main">
                <section className="panel" aria-labelledby="person-ties">
                  <h2 id="person-ties">{t("people.ties")}</h2>
                  {person.knowsConnection.edges.length === 0 ? <p className="muted">{t("people.noTies")}</p> : null}
                  <div className="table-scroll">
                    <table data-testid="person-ties">
                      <thead>
                        <tr>
                          <th scope="col">{t("people.tie.person")}</th>
                          <th scope="col">{t("people.tie.strength")}</th>
                          <th scope="col">{t("people.tie.channel")}</th>
                          <th scope="col">{t("people.tie.lastContact")}</th>
                          {may.networkWork ? <th scope="col">{t("people.tie.actions")}</th> : null}
                        </tr>
                      </thead>
                      <tbody>
                        {person.knowsConnection.edges.map((e) => (
                          <tr key={e.node.id}>
                            <td>
                              <PersonLink id={e.node.id} name={e.node.name} />
                              {e.node.jobTitle ? <span className="muted small"> · {e.node.jobTitle}</span> : null}
                            </td>
                            <td>
                              {f.score(e.properties.strength)}
                              {e.properties.manual ? <span className="muted small"> ({t("people.tie.manual")})</span> : null}
                            </td>
                            <td>{t(`enums.tieChannel.${e.properties.channel}`, { defaultValue: e.properties.channel })}</td>
                            <td>{f.date(e.properties.lastContact)}</td>
                            {may.networkWork ? (
                              <td>
                                <TieStrengthButton
                                  a={person.id}
                                  b={e.node.id}
                                  otherName={e.node.name}
                                  strength={e.properties.strength}
                                  onDone={() => refetch({ requestPolicy: "network-only" })}
                                />
                              </td>
                            ) : null}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </section>
                {/* Each coordinator's own tie and what would drop if they left (#14 parts 5 and 6), as in the explorer. */}
                <section className="panel" aria-label={t("coordinatorTies.title")}>
                  <CoordinatorTiesPanel personId={person.id} />
                  <ImpactIfGonePanel personId={person.id} />
                </section>
                <section className="panel" aria-labelledby="person-timeline">
                  <h2 id="person-timeline">{t("people.timeline")}</h2>
                  {timeline.length === 0 ? <p className="muted">{t("people.noTimeline")}</p> : null}
                  <ol className="timeline" data-testid="person-timeline">
                    {timeline.map((e) => (
                      <li key={e.key} className={`timeline-${e.kind}`} data-kind={e.kind}>
                        <time dateTime={e.at}>{f.date(e.at)}</time>
                        <div>
                          <TimelineText entry={e} />
                        </div>
                      </li>
                    ))}
                  </ol>
                </section>
              </div>
            </div>
          </>
        ) : null}
      </QueryState>
    </section>
  );
}

function TimelineText({ entry: e }: { entry: PersonTimelineEntry }) {
  const { t } = useTranslation();
  const caseLink = e.case ? <Link to={`/cases/${encodeURIComponent(e.case.id)}`}>{e.case.title}</Link> : null;
  const about = e.programme ? (
    <OrganisationLink kind="PROGRAMME" id={e.programme.id} name={e.programme.name} />
  ) : e.course ? (
    <span>{e.course.name}</span>
  ) : null;
  switch (e.kind) {
    case "INTERACTION":
      return (
        <span>
          {t("people.event.interaction", { channel: t(`enums.channel.${e.detail ?? ""}`, { defaultValue: e.detail ?? "" }) })}{" "}
          {e.people.map((p, i) => (
            <span key={p.id}>
              {i > 0 ? ", " : ""}
              <PersonLink id={p.id} name={p.name} />
            </span>
          ))}
          {about ? <> · {about}</> : null}
          {e.result ? <span className="muted"> · {t(`enums.result.${e.result}`, { defaultValue: e.result })}</span> : null}
        </span>
      );
    case "PROPOSAL_SENT":
      return (
        <span>
          {t("people.event.proposalSent")} {caseLink}
          {e.course ? <span className="muted"> · {e.course.name}</span> : null}
        </span>
      );
    case "PROPOSAL_ANSWERED":
      return (
        <span>
          {t("people.event.proposalAnswered", { answer: t(`enums.answer.${e.detail ?? ""}`, { defaultValue: e.detail ?? "" }) })}{" "}
          {caseLink}
        </span>
      );
    case "SPRINT":
      return (
        <span>
          {t("people.event.sprint", { status: t(`enums.sprintStatus.${e.detail ?? ""}`, { defaultValue: e.detail ?? "" }) })}{" "}
          {caseLink}
          {e.course ? <span className="muted"> · {e.course.name}</span> : null}
        </span>
      );
    case "AGREEMENT_SIGNED":
      return (
        <span>
          {t("people.event.agreement", { scope: t(`outreach.scope.${e.detail ?? ""}`, { defaultValue: e.detail ?? "" }) })}{" "}
          {about}
        </span>
      );
    case "CASE_HANDLED":
      return (
        <span>
          {t("people.event.caseHandled")} {caseLink} {e.detail ? <StatusBadge status={e.detail} /> : null}
        </span>
      );
  }
}
