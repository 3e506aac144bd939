import { useTranslation } from "react-i18next";

/** A polite busy indicator: screen readers hear "Loading…" once, sighted users see a spinner. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t("common.loading")}</span>
    </div>
  );
}
