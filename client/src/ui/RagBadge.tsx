import { useTranslation } from "react-i18next";

/**
 * Red, amber or green, in words as well as colour. It shows what the server decided (an embedding's
 * `colour`, with `reason` its verdict's reason as the tooltip); it never derives a colour itself.
 */
export function RagBadge({ rag, reason }: { rag: "RED" | "AMBER" | "GREEN"; reason?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge rag-${rag}`} data-rag={rag} title={reason}>
      <span className="rag-dot" aria-hidden="true" />
      {t(`enums.rag.${rag}`)}
    </span>
  );
}
