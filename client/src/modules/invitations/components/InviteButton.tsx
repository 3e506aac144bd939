import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { Dialog } from "../../../ui/Dialog";
import { FormField } from "../../../ui/FormField";
import { useFormat } from "../../../ui/useFormat";
import { serverErrors } from "../../mapping/hooks/serverErrors";
import { FormErrors } from "../../mapping/components/FormErrors";
import { invitePersonMutation, personInvitationsQuery } from "../graphql/invitationOperations";

export type InvitableRole = "INSTITUTION_CONTACT" | "TEACHER";

/**
 * "Nodig uit / Invite" on a person's page (coordinators): the portal role their roles in the graph allow (a
 * teacher of a course: TEACHER; a programme coordinator or director, dean or board member: INSTITUTION_CONTACT),
 * the address (their e-mail, when known), and the invitations sent so far with their state. The server checks
 * the same (invitePerson) and puts the message with its link in the outbox.
 */
export function InviteButton({
  personId,
  personName,
  email,
  roles,
}: {
  personId: string;
  personName: string;
  email: string | null;
  roles: readonly InvitableRole[];
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState<InvitableRole | "">(roles[0] ?? "");
  const [address, setAddress] = useState(email ?? "");
  const [tried, setTried] = useState(false);
  const [sent, setSent] = useState(false);
  const [invitations, refetch] = useQuery({ query: personInvitationsQuery, variables: { personId }, pause: !open });
  const [result, invite] = useMutation(invitePersonMutation);
  const server = serverErrors(result.error, t, ["role", "email"]);
  const errors: Record<string, string | undefined> = {
    role: role ? undefined : t("invitations.errors.role"),
    email: /^\S+@\S+\.\S+$/.test(address.trim()) ? undefined : t("invitations.errors.email"),
  };

  if (roles.length === 0) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    setSent(false);
    if (Object.values(errors).some(Boolean) || !role) return;
    const answer = await invite({ personId, email: address.trim(), role });
    if (answer.data) {
      setSent(true);
      setTried(false);
      refetch({ requestPolicy: "network-only" });
    }
  }

  const show = (field: string) => (tried ? errors[field] : undefined) ?? server.byField[field];
  const list = invitations.data?.invitations ?? [];
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="invite-person">
        {t("invitations.invite")}
      </button>
      <Dialog title={t("invitations.title", { name: personName })} open={open} onClose={() => setOpen(false)}>
        <p className="muted">{t("invitations.intro")}</p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <FormField label={t("invitations.role")} required error={show("role")}>
            <select value={role} onChange={(e) => setRole(e.target.value as InvitableRole)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t(`invitations.roles.${r}`)}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label={t("invitations.email")} hint={t("invitations.emailHint")} required error={show("email")}>
            <input type="email" autoComplete="off" value={address} onChange={(e) => setAddress(e.target.value)} />
          </FormField>
          <FormErrors messages={server.general} />
          {sent ? (
            <p className="notice" role="status">
              {t("invitations.sent", { name: personName })}
            </p>
          ) : null}
          <div className="button-row">
            <button type="submit" className="primary" disabled={result.fetching}>
              {t("invitations.send")}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t("common.close")}
            </button>
          </div>
        </form>
        {list.length > 0 ? (
          <section aria-labelledby="invitations-sent">
            <h3 id="invitations-sent">{t("invitations.sentSoFar")}</h3>
            <ul className="plain-list" data-testid="invitations">
              {list.map((i) => (
                <li key={i.id}>
                  <strong>{t(`invitations.status.${i.status}`, { defaultValue: i.status })}</strong>{" "}
                  {t(`invitations.roles.${i.role}`, { defaultValue: i.role })}
                  <span className="muted">
                    {" · "}
                    {i.email ?? ""} · {f.date(i.createdAt.slice(0, 10))}
                    {i.invitedByName ? ` · ${i.invitedByName}` : ""}
                    {i.firstSignInAt ? ` · ${t("invitations.signedIn", { date: f.date(i.firstSignInAt.slice(0, 10)) })}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </Dialog>
    </>
  );
}
