import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { authStore } from "../../../app/authStore";
import { FormField } from "../../../ui/FormField";
import { LanguageToggle } from "../../../ui/LanguageToggle";
import { describeError } from "../../../ui/describeError";
import { loginMutation } from "../../auth/graphql/authOperations";
import { acceptInvitationMutation, invitationLinkQuery } from "../graphql/invitationOperations";

/** The shortest password the server accepts (server/platform/auth/hash-password.ts, PASSWORD_MIN_LENGTH). */
const MIN_LENGTH = 12;

/** The token of an invitation link, when the browser is at /invite/<token>. */
export function invitationTokenAt(pathname: string): string | null {
  const match = /^\/invite\/([^/?#]+)\/?$/.exec(pathname);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/**
 * /invite/<token>, without signing in: whose invitation it is, then the password twice. acceptInvitation
 * creates the account; the page signs in with it at once (that first sign-in is logged on the inviter's tie)
 * and the portal opens. A used, expired or wrong link says so, in the user's language.
 */
export function InvitePage({ token, onSignedIn }: { token: string; onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [link] = useQuery({ query: invitationLinkQuery, variables: { token } });
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [tried, setTried] = useState(false);
  const [accepted, accept] = useMutation(acceptInvitationMutation);
  const [signedIn, login] = useMutation(loginMutation);
  const view = link.data?.invitationLink;
  const linkCode = link.error ? describeError(link.error)[0]?.code : undefined;
  const errors = {
    password: password.length < MIN_LENGTH ? t("invitations.page.tooShort", { count: MIN_LENGTH }) : undefined,
    repeat: repeat !== password ? t("invitations.page.notSame") : undefined,
  };
  const serverError = accepted.error
    ? describeError(accepted.error)[0]
    : signedIn.error
      ? describeError(signedIn.error)[0]
      : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (errors.password || errors.repeat) return;
    const answer = await accept({ token, password });
    const email = answer.data?.acceptInvitation.email;
    if (!email) return;
    const session = await login({ email, password });
    const expiresAt = session.data?.login.expiresAt;
    if (expiresAt) {
      onSignedIn();
      authStore.signIn(expiresAt);
    }
  }

  const linkProblem = (code: string | undefined) =>
    code === "LINK_USED" || code === "LINK_EXPIRED" || code === "LINK_INVALID" || code === "TOO_MANY_REQUESTS"
      ? t(`invitations.page.problem.${code}`)
      : t("invitations.page.problem.LINK_INVALID");

  return (
    <main className="login" id="main">
      <div className="login-card" data-testid="invite-page">
        <div className="login-top">
          <h1>{t("shell.brand")}</h1>
          <LanguageToggle />
        </div>
        {link.fetching ? <p>{t("common.loading")}</p> : null}
        {link.error ? (
          <>
            <p className="field-error" role="alert">
              {linkProblem(linkCode)}
            </p>
            <button type="button" onClick={onSignedIn}>
              {t("invitations.page.toSignIn")}
            </button>
          </>
        ) : null}
        {view ? (
          <>
            <h2>{t("invitations.page.welcome", { name: view.personName })}</h2>
            <p>{t(`invitations.page.intro.${view.role}`, { defaultValue: t("invitations.page.intro.INSTITUTION_CONTACT") })}</p>
            <form onSubmit={(e) => void submit(e)} noValidate>
              <FormField label={t("auth.email")}>
                <input type="email" autoComplete="username" value={view.email} readOnly />
              </FormField>
              <FormField
                label={t("invitations.page.password")}
                hint={t("invitations.page.passwordHint", { count: MIN_LENGTH })}
                required
                error={tried ? errors.password : undefined}
              >
                <input
                  type="password"
                  autoComplete="new-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              </FormField>
              <FormField label={t("invitations.page.repeat")} required error={tried ? errors.repeat : undefined}>
                <input type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
              </FormField>
              {serverError ? (
                <p className="field-error" role="alert">
                  {serverError.code?.startsWith("LINK_") || serverError.code === "TOO_MANY_REQUESTS"
                    ? linkProblem(serverError.code)
                    : serverError.message}
                </p>
              ) : null}
              <button type="submit" className="primary" disabled={accepted.fetching || signedIn.fetching}>
                {t("invitations.page.submit")}
              </button>
            </form>
          </>
        ) : null}
      </div>
    </main>
  );
}
