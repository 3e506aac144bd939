import { useTranslation } from "react-i18next";

/** A suggestion's verdict: great, good, fair, poor. */
export function VerdictBadge({ verdict }: { verdict: string }) {
  const { t } = useTranslation();
  return <span className={`badge verdict-${verdict}`}>{t(`enums.verdict.${verdict}`)}</span>;
}
