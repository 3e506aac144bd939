import { useTranslation } from "react-i18next";

/** A case's status as a coloured label. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge case-status case-status-${status}`}>{t(`enums.caseStatus.${status}`)}</span>;
}
