import { useTranslation } from "react-i18next";

/** What the shapes and lines mean. */
export function GraphLegend() {
  const { t } = useTranslation();
  return (
    <ul className="legend" aria-label={t("explorer.legend.title")}>
      <li>
        <span className="shape shape-person" aria-hidden="true" />
        {t("explorer.legend.person")}
      </li>
      <li>
        <span className="shape shape-coordinator" aria-hidden="true" />
        {t("explorer.legend.coordinator")}
      </li>
      <li>
        <span className="shape shape-institution" aria-hidden="true" />
        {t("explorer.legend.institution")}
      </li>
      <li>
        <span className="shape shape-programme" aria-hidden="true" />
        {t("explorer.legend.programme")}
      </li>
      <li>
        <span className="shape shape-course" aria-hidden="true" />
        {t("explorer.legend.course")}
      </li>
      <li>
        <span className="line line-strong" aria-hidden="true" />
        {t("explorer.legend.tie")}
      </li>
      <li>
        <span className="line line-role" aria-hidden="true" />
        {t("explorer.legend.role")}
      </li>
      <li>
        <span className="line line-path" aria-hidden="true" />
        {t("explorer.legend.path")}
      </li>
    </ul>
  );
}
