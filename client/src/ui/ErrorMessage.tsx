import { useTranslation } from "react-i18next";
import type { CombinedError } from "urql";
import { describeError } from "./describeError";

/** An error box with the server's messages; offers a retry where the caller can repeat the request. */
export function ErrorMessage({ error, onRetry }: { error: CombinedError; onRetry?: () => void }) {
  const { t } = useTranslation();
  const errors = describeError(error);
  return (
    <div className="error-box" role="alert">
      <strong>{errors.some((e) => e.network) ? t("common.networkError") : t("common.error")}</strong>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            {e.network ? t("common.networkErrorDetail") : e.message}
            {e.code ? <span className="muted"> ({e.code})</span> : null}
          </li>
        ))}
      </ul>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {t("common.retry")}
        </button>
      ) : null}
    </div>
  );
}
