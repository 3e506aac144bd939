import { useTranslation } from "react-i18next";
import { ORGANISATION_STYLE, PERSON_ROLES, ROLE_STYLE } from "../hooks/graphElements";

/** Outline points (in a 16×16 box) of the Cytoscape shapes the graph uses, so the legend shows the same symbol. */
const polygons: Record<string, string> = {
  triangle: "8,1 15,15 1,15",
  pentagon: "8,1 15,6 12.5,15 3.5,15 1,6",
  star: "8,0.5 10,6 15.5,6 11,9.5 12.8,15.5 8,11.8 3.2,15.5 5,9.5 0.5,6 6,6",
  octagon: "5,1 11,1 15,5 15,11 11,15 5,15 1,11 1,5",
  "round-diamond": "8,1 15,8 8,15 1,8",
  diamond: "8,1 15,8 8,15 1,8",
  hexagon: "4,2 12,2 15.5,8 12,14 4,14 0.5,8",
  tag: "1,3 11,3 15,8 11,13 1,13",
  "round-tag": "1,3 11,3 15,8 11,13 1,13",
  barrel: "3,1 13,1 15,8 13,15 3,15 1,8",
};

export function LegendShape({ shape, color }: { shape: string; color: string }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" className="legend-shape" data-shape={shape}>
      {shape === "ellipse" ? (
        <circle cx="8" cy="8" r="7" fill={color} />
      ) : shape === "round-rectangle" ? (
        <rect x="1" y="3" width="14" height="10" rx="3" fill={color} />
      ) : (
        <polygon points={polygons[shape] ?? polygons.octagon} fill={color} />
      )}
    </svg>
  );
}

/** What the colours, shapes and lines mean: every person role, every kind of organisation, the folded box. */
export function GraphLegend() {
  const { t } = useTranslation();
  const organisations = ["institution", "programme", "course", "workspace", "partner"] as const;
  return (
    <div className="graph-legend">
      <ul className="legend" aria-label={t("explorer.legend.title")} data-testid="graph-legend">
        {PERSON_ROLES.map((role) => (
          <li key={role} data-role={role} data-color={ROLE_STYLE[role].color}>
            <LegendShape shape={ROLE_STYLE[role].shape} color={ROLE_STYLE[role].color} />
            {t(`explorer.legend.roles.${role}`)}
          </li>
        ))}
      </ul>
      <ul className="legend" aria-label={t("explorer.legend.organisations")}>
        {organisations.map((kind) => (
          <li key={kind} data-role={kind} data-color={ORGANISATION_STYLE[kind].color}>
            <LegendShape shape={ORGANISATION_STYLE[kind].shape} color={ORGANISATION_STYLE[kind].color} />
            {t(`explorer.legend.${kind}`)}
          </li>
        ))}
        <li>
          <span className="legend-box" aria-hidden="true" />
          {t("explorer.legend.box")}
        </li>
        <li>
          <LegendShape shape="round-rectangle" color={ORGANISATION_STYLE.group.color} />
          {t("explorer.legend.collapsed")}
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
    </div>
  );
}
