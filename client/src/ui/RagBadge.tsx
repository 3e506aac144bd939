import { useTranslation } from "react-i18next";

/** Red, amber or green, in words as well as colour. */
export function RagBadge({ rag }: { rag: "RED" | "AMBER" | "GREEN" }) {
  const { t } = useTranslation();
  return (
    <span className={`badge rag-${rag}`} data-rag={rag}>
      <span className="rag-dot" aria-hidden="true" />
      {t(`enums.rag.${rag}`)}
    </span>
  );
}
