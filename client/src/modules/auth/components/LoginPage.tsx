import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { authStore, useAuthState } from "../../../app/authStore";
import { FormField } from "../../../ui/FormField";
import { LanguageToggle } from "../../../ui/LanguageToggle";
import { describeError } from "../../../ui/describeError";
import { loginMutation } from "../graphql/authOperations";

/** Shown while nobody is signed in (the API serves only sign-in to anonymous callers). */
export function LoginPage() {
  const { t } = useTranslation();
  const { expired } = useAuthState();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [result, login] = useMutation(loginMutation);
  const errors = result.error ? describeError(result.error) : [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await login({ email: email.trim(), password });
    const expiresAt = answer.data?.login.expiresAt;
    if (expiresAt) authStore.signIn(expiresAt);
  }

  return (
    <main className="login" id="main">
      <div className="login-card">
        <div className="login-top">
          <h1>{t("shell.brand")}</h1>
          <LanguageToggle />
        </div>
        {expired ? (
          <p className="notice" role="status">
            {t("auth.expired")}
          </p>
        ) : null}
        <p>{t("auth.intro")}</p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <FormField label={t("auth.email")} required>
            <input type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
          </FormField>
          <FormField label={t("auth.password")} required>
            <input
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          </FormField>
          {errors.length > 0 ? (
            <p className="field-error" role="alert">
              {errors.some((e) => e.code === "UNAUTHENTICATED")
                ? t("auth.failed")
                : errors.some((e) => e.code === "TOO_MANY_REQUESTS")
                  ? t("auth.throttled")
                  : errors[0]?.message}
            </p>
          ) : null}
          <button type="submit" className="primary" disabled={result.fetching}>
            {result.fetching ? t("auth.signingIn") : t("auth.signIn")}
          </button>
        </form>
      </div>
    </main>
  );
}
