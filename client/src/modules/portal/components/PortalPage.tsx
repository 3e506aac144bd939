import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import type { MyPortalQuery } from "../../../generated/graphql";
import { Dialog } from "../../../ui/Dialog";
import { FormField } from "../../../ui/FormField";
import { PageHeader } from "../../../ui/PageHeader";
import { QueryState } from "../../../ui/QueryState";
import { VerdictBadge } from "../../../ui/VerdictBadge";
import { useFormat } from "../../../ui/useFormat";
import { serverErrors } from "../../mapping/hooks/serverErrors";
import { FormErrors } from "../../mapping/components/FormErrors";
import { answerMyProposalMutation, claimCaseMutation, forwardCaseMutation, myPortalQuery } from "../graphql/portalOperations";

type Portal = MyPortalQuery["myPortal"];
type Fit = Portal["fittingCases"][number];

/** The fitting cases grouped per case: one card per case, with every course of the person it fits. */
function groupByCase(fits: readonly Fit[]): Array<{ first: Fit; courses: Fit[] }> {
  const groups = new Map<string, { first: Fit; courses: Fit[] }>();
  for (const fit of fits) {
    const group = groups.get(fit.caseId);
    if (group) group.courses.push(fit);
    else groups.set(fit.caseId, { first: fit, courses: [fit] });
  }
  return [...groups.values()];
}

/**
 * The institution portal (issue #18 part 2): what the signed-in person reaches through their roles in the graph
 * (myPortal) — the cases that fit their courses, with "Dit is voor ons" (claimCase: a proposal in the other
 * direction for a coordinator to confirm) and "Doorsturen naar collega" (forwardCase); their agreements with the
 * capacity per period; their open proposals to answer; their sprints. Nothing else of the graph is asked.
 */
export function PortalPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === "en" ? "EN" : "NL";
  const [result, refetch] = useQuery({ query: myPortalQuery, variables: { language } });
  const portal = result.data?.myPortal;
  const reload = () => refetch({ requestPolicy: "network-only" });
  return (
    <section className="portal-page" data-testid="portal-page">
      <QueryState fetching={result.fetching} error={result.error} hasData={Boolean(portal)} onRetry={reload}>
        {portal ? (
          <>
            <PageHeader title={t("portal.title", { name: portal.person.name })} />
            <p className="muted">
              {portal.programmes.map((p) => [p.name, p.institutionName].filter(Boolean).join(", ")).join(" · ") ||
                t("portal.noProgrammes")}
            </p>
            <FittingCases portal={portal} onDone={reload} />
            <Proposals portal={portal} onDone={reload} />
            <Agreements portal={portal} />
            <Sprints portal={portal} />
          </>
        ) : null}
      </QueryState>
    </section>
  );
}

function FittingCases({ portal, onDone }: { portal: Portal; onDone: () => void }) {
  const { t } = useTranslation();
  const groups = groupByCase(portal.fittingCases);
  return (
    <section className="panel" aria-labelledby="portal-cases">
      <h2 id="portal-cases">{t("portal.cases.title")}</h2>
      <p className="muted">{t("portal.cases.intro")}</p>
      {groups.length === 0 ? <p className="muted">{t("portal.cases.none")}</p> : null}
      <ul className="plain-list portal-cases" data-testid="portal-cases">
        {groups.map(({ first, courses }) => (
          <li key={first.caseId} className="portal-case" data-testid="portal-case">
            <h3>{first.title}</h3>
            <p className="muted small">
              {[first.smeName, first.smeCity].filter(Boolean).join(", ")}
              {first.topics.length > 0 ? ` · ${first.topics.join(", ")}` : ""}
            </p>
            {first.question ? <p>{first.question}</p> : null}
            <ul className="plain-list">
              {courses.map((c) => (
                <li key={c.courseId}>
                  <VerdictBadge verdict={c.verdict} /> <strong>{c.courseName}</strong>
                  {c.periodName ? <span className="muted small"> · {c.periodName}</span> : null}
                  {c.remainingPlaces !== null && c.remainingPlaces !== undefined ? (
                    <span className="muted small"> · {t("portal.cases.places", { count: c.remainingPlaces })}</span>
                  ) : null}
                  {c.claimState ? (
                    <span className="badge"> {t(`portal.claimState.${c.claimState}`, { defaultValue: c.claimState })}</span>
                  ) : null}
                  <br />
                  <span className="small">{c.reason}</span>
                </li>
              ))}
            </ul>
            <div className="button-row">
              <ClaimButton caseTitle={first.title} caseId={first.caseId} courses={courses} onDone={onDone} />
              <ForwardButton caseTitle={first.title} caseId={first.caseId} portal={portal} onDone={onDone} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ClaimButton({
  caseId,
  caseTitle,
  courses,
  onDone,
}: {
  caseId: string;
  caseTitle: string;
  courses: Fit[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const open = courses.filter((c) => !c.claimState);
  const [show, setShow] = useState(false);
  const [courseId, setCourseId] = useState(open[0]?.courseId ?? "");
  const [note, setNote] = useState("");
  const [result, claim] = useMutation(claimCaseMutation);
  const server = serverErrors(result.error, t, ["courseId", "note"]);
  if (open.length === 0) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await claim({ caseId, courseId, note: note.trim() || null });
    if (answer.data) {
      setShow(false);
      onDone();
    }
  }

  return (
    <>
      <button type="button" className="primary" onClick={() => setShow(true)}>
        {t("portal.claim.button")}
      </button>
      <Dialog title={t("portal.claim.title", { title: caseTitle })} open={show} onClose={() => setShow(false)}>
        <p className="muted">{t("portal.claim.intro")}</p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <FormField label={t("portal.claim.course")} required error={server.byField.courseId}>
            <select value={courseId} onChange={(e) => setCourseId(e.target.value)}>
              {open.map((c) => (
                <option key={c.courseId} value={c.courseId}>
                  {c.courseName}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label={t("portal.note")} error={server.byField.note}>
            <textarea rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
          </FormField>
          <FormErrors messages={server.general} />
          <div className="button-row">
            <button type="submit" className="primary" disabled={result.fetching}>
              {t("portal.claim.submit")}
            </button>
            <button type="button" onClick={() => setShow(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

/** The forward dialog's choice for a colleague the graph does not know yet. */
const NEW_COLLEAGUE = "new";

function ForwardButton({
  caseId,
  caseTitle,
  portal,
  onDone,
}: {
  caseId: string;
  caseTitle: string;
  portal: Portal;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [show, setShow] = useState(false);
  // A known colleague ("<personId>\n<programmeId>") or NEW: a colleague the graph does not know yet.
  const [chosen, setChosen] = useState(portal.colleagues.length > 0 ? "" : NEW_COLLEAGUE);
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [roleTitle, setRoleTitle] = useState("");
  const [programmeId, setProgrammeId] = useState(portal.programmes[0]?.id ?? "");
  const [note, setNote] = useState("");
  const [tried, setTried] = useState(false);
  const [result, forward] = useMutation(forwardCaseMutation);
  const server = serverErrors(result.error, t, ["personId", "name", "email", "roleTitle", "programmeId", "note"]);
  const isNew = chosen === NEW_COLLEAGUE;
  const nameError = tried && isNew && !name.trim() ? t("portal.forward.nameRequired") : undefined;
  const chosenError = tried && chosen === "" ? t("portal.forward.chooseRequired") : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (chosen === "" || (isNew && !name.trim())) return;
    const [knownId, knownProgramme] = chosen.split("\n");
    const answer = await forward({
      caseId,
      colleague: isNew
        ? {
            name: name.trim(),
            email: email.trim() || null,
            roleTitle: roleTitle.trim() || null,
            programmeId: programmeId || null,
          }
        : { personId: knownId, programmeId: knownProgramme || null },
      note: note.trim() || null,
    });
    if (answer.data) {
      setShow(false);
      setTried(false);
      onDone();
    }
  }

  return (
    <>
      <button type="button" onClick={() => setShow(true)}>
        {t("portal.forward.button")}
      </button>
      <Dialog title={t("portal.forward.title", { title: caseTitle })} open={show} onClose={() => setShow(false)}>
        <p className="muted">{t("portal.forward.intro")}</p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          {portal.colleagues.length > 0 ? (
            <FormField label={t("portal.forward.to")} required error={chosenError ?? server.byField.personId}>
              <select value={chosen} onChange={(e) => setChosen(e.target.value)}>
                <option value="">{t("portal.forward.choose")}</option>
                {portal.programmes.map((programme) => {
                  const known = portal.colleagues.filter((c) => c.programmeId === programme.id);
                  return known.length === 0 ? null : (
                    <optgroup key={programme.id} label={programme.name}>
                      {known.map((c) => (
                        <option key={`${c.id}\n${c.programmeId}`} value={`${c.id}\n${c.programmeId}`}>
                          {c.name} ({c.relations.map((r) => t(`portal.forward.relation.${r}`)).join(", ")})
                        </option>
                      ))}
                    </optgroup>
                  );
                })}
                <option value={NEW_COLLEAGUE}>{t("portal.forward.someoneNew")}</option>
              </select>
            </FormField>
          ) : null}
          {isNew ? (
            <>
              <FormField label={t("portal.forward.name")} required error={nameError ?? server.byField.name}>
                <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
              </FormField>
              <FormField label={t("portal.forward.email")} error={server.byField.email}>
                <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
              </FormField>
              <FormField label={t("portal.forward.roleTitle")} error={server.byField.roleTitle}>
                <input value={roleTitle} onChange={(e) => setRoleTitle(e.target.value)} />
              </FormField>
            </>
          ) : null}
          {isNew && portal.programmes.length > 0 ? (
            <FormField label={t("portal.forward.programme")} error={server.byField.programmeId}>
              <select value={programmeId} onChange={(e) => setProgrammeId(e.target.value)}>
                {portal.programmes.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </FormField>
          ) : null}
          <FormField label={t("portal.note")} error={server.byField.note}>
            <textarea rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
          </FormField>
          <FormErrors messages={server.general} />
          <div className="button-row">
            <button type="submit" className="primary" disabled={result.fetching}>
              {t("portal.forward.submit")}
            </button>
            <button type="button" onClick={() => setShow(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

function Proposals({ portal, onDone }: { portal: Portal; onDone: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="panel" aria-labelledby="portal-proposals">
      <h2 id="portal-proposals">{t("portal.proposals.title")}</h2>
      {portal.proposals.length === 0 ? <p className="muted">{t("portal.proposals.none")}</p> : null}
      <ul className="plain-list" data-testid="portal-proposals">
        {portal.proposals.map((p) => (
          <li key={p.id}>
            <strong>{p.caseTitle}</strong>
            <span className="muted small">
              {" · "}
              {p.courseName ?? ""} · {t(`portal.origin.${p.origin ?? "PROPOSAL"}`, { defaultValue: p.origin ?? "" })}
              {p.origin === "FORWARD" ? ` → ${p.teacherName}` : ""}
              {p.claimState ? ` · ${t(`portal.claimState.${p.claimState}`, { defaultValue: p.claimState })}` : ""}
              {p.state === "OPEN" ? ` · ${t("portal.proposals.until", { date: f.date(p.expiresAt.slice(0, 10)) })}` : ""}
            </span>
            {p.teacherId === portal.person.id && p.state === "OPEN" && p.origin !== "CLAIM" ? (
              <AnswerButtons proposalId={p.id} caseTitle={p.caseTitle} onDone={onDone} />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The three answers to a proposal made to the person themselves; "not for us" asks why (optional). */
function AnswerButtons({ proposalId, caseTitle, onDone }: { proposalId: string; caseTitle: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const [result, answer] = useMutation(answerMyProposalMutation);
  const server = serverErrors(result.error, t, ["reason"]);
  const send = async (value: "INTERESTED" | "NOT_NOW" | "DECLINED") => {
    const answered = await answer({ proposalId, answer: value, reason: value === "DECLINED" ? reason.trim() || null : null });
    if (answered.data) {
      setDeclining(false);
      onDone();
    }
  };
  return (
    <div className="button-row">
      <button type="button" className="primary" disabled={result.fetching} onClick={() => void send("INTERESTED")}>
        {t("portal.answer.INTERESTED")}
      </button>
      <button type="button" disabled={result.fetching} onClick={() => void send("NOT_NOW")}>
        {t("portal.answer.NOT_NOW")}
      </button>
      <button type="button" disabled={result.fetching} onClick={() => setDeclining(true)}>
        {t("portal.answer.DECLINED")}
      </button>
      <FormErrors messages={declining ? [] : server.general} />
      <Dialog
        title={t("portal.proposals.declineTitle", { title: caseTitle })}
        open={declining}
        onClose={() => setDeclining(false)}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void send("DECLINED");
          }}
          noValidate
        >
          <FormField label={t("portal.proposals.reason")} error={server.byField.reason}>
            <textarea rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
          </FormField>
          <FormErrors messages={server.general} />
          <div className="button-row">
            <button type="submit" className="primary" disabled={result.fetching}>
              {t("portal.answer.DECLINED")}
            </button>
            <button type="button" onClick={() => setDeclining(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}

function Agreements({ portal }: { portal: Portal }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="panel" aria-labelledby="portal-agreements">
      <h2 id="portal-agreements">{t("portal.agreements.title")}</h2>
      {portal.agreements.length === 0 ? <p className="muted">{t("portal.agreements.none")}</p> : null}
      {portal.agreements.map((a) => (
        <div key={a.id} className="portal-agreement" data-testid="portal-agreement">
          <p>
            <strong>{a.covers.join(", ")}</strong>
            <span className="muted small">
              {" · "}
              {f.date(a.validFrom)} – {f.date(a.validTo)}
              {a.casesPerPeriod !== null && a.casesPerPeriod !== undefined
                ? ` · ${t("portal.agreements.perPeriod", { count: a.casesPerPeriod })}`
                : ""}
            </span>
          </p>
          {a.capacity.length > 0 ? (
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("portal.agreements.course")}</th>
                    <th scope="col">{t("portal.agreements.period")}</th>
                    <th scope="col">{t("portal.agreements.used")}</th>
                    <th scope="col">{t("portal.agreements.left")}</th>
                  </tr>
                </thead>
                <tbody>
                  {a.capacity.map((c) => (
                    <tr key={`${c.courseId}-${c.periodId}`}>
                      <td>{c.courseName}</td>
                      <td>
                        {c.periodName} <span className="muted small">{c.academicYear}</span>
                      </td>
                      <td>{c.used}</td>
                      <td>{c.remaining ?? t("portal.agreements.noLimit")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </div>
      ))}
    </section>
  );
}

function Sprints({ portal }: { portal: Portal }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="panel" aria-labelledby="portal-sprints">
      <h2 id="portal-sprints">{t("portal.sprints.title")}</h2>
      {portal.sprints.length === 0 ? <p className="muted">{t("portal.sprints.none")}</p> : null}
      <ul className="plain-list">
        {portal.sprints.map((s) => (
          <li key={s.id}>
            <strong>{s.caseTitle}</strong>
            <span className="muted small">
              {" · "}
              {s.courseName} · {s.periodName ?? ""} · {f.date(s.startDate)} – {f.date(s.endDate)} ·{" "}
              {t(`enums.sprintStatus.${s.status}`, { defaultValue: s.status })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
