import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * A chart with its title and, folded under it, the same numbers as a table: the table is what
 * screen readers and keyboard users get, and what anyone can copy.
 */
export function ChartCard({
  title,
  description,
  chart,
  table,
  testId,
}: {
  title: string;
  description?: string;
  chart: ReactNode;
  table: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <figure className="panel chart-card" data-testid={testId}>
      <figcaption>
        <h2>{title}</h2>
        {description ? <p className="muted">{description}</p> : null}
      </figcaption>
      <div className="chart" aria-hidden="true">
        {chart}
      </div>
      <details>
        <summary>{t("common.showTable")}</summary>
        {table}
      </details>
    </figure>
  );
}
