import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useQuery } from "urql";
import { LanguageToggle } from "../../../ui/LanguageToggle";
import { describeError } from "../../../ui/describeError";
import { useFormat } from "../../../ui/useFormat";
import { caseStatusByLinkQuery } from "../graphql/publicOperations";

/**
 * The status behind the link in an SME's confirmation (`/status/<token>`, no sign-in): the question's title, its
 * state in plain words and since when — nothing about matching, teachers or other cases (the server sends no more).
 */
export function StatusPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { token = "" } = useParams();
  const [result] = useQuery({ query: caseStatusByLinkQuery, variables: { token } });
  const status = result.data?.caseStatusByLink;
  return (
    <main className="login public-page" id="main">
      <div className="login-card public-card">
        <div className="login-top">
          <h1>{t("publicStatus.title")}</h1>
          <LanguageToggle />
        </div>
        {result.fetching && !status ? <p>{t("common.loading")}</p> : null}
        {result.error ? (
          <p className="field-error" role="alert">
            {describeError(result.error).some((e) => e.field === "token")
              ? t("publicStatus.invalid")
              : describeError(result.error)[0]?.message}
          </p>
        ) : null}
        {status ? (
          <section data-testid="public-status">
            <h2>{status.title}</h2>
            <p className="notice" data-testid="public-status-state">
              <strong>{t(`publicStatus.state.${status.status}`)}</strong>
            </p>
            <p>{t(`publicStatus.explain.${status.status}`)}</p>
            <dl>
              <dt>{t("publicStatus.received")}</dt>
              <dd>{format.date(status.received)}</dd>
              <dt>{t("publicStatus.since")}</dt>
              <dd>{format.date(status.since)}</dd>
            </dl>
          </section>
        ) : null}
      </div>
    </main>
  );
}
