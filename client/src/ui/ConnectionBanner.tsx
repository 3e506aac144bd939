import { useState } from "react";
import { useTranslation } from "react-i18next";
import { connectionStore, useConnectionState } from "../app/connectionStore";

/**
 * Shown above every page while the API cannot be reached (or cannot reach its database). The page
 * under it keeps what it already showed; the banner goes away by itself when the server answers.
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const state = useConnectionState();
  const [checking, setChecking] = useState(false);
  if (state.kind === "online") return null;
  return (
    <div className="connection-banner" role="alert" data-testid="connection-banner">
      <strong>{state.kind === "offline" ? t("connection.offlineTitle") : t("connection.degradedTitle")}</strong>{" "}
      <span>{state.kind === "offline" ? t("connection.offlineText") : t("connection.degradedText")}</span>
      <button
        type="button"
        disabled={checking}
        onClick={() => {
          setChecking(true);
          void connectionStore.retry().finally(() => setChecking(false));
        }}
      >
        {checking ? t("connection.checking") : t("connection.retry")}
      </button>
    </div>
  );
}
