/** One palette for every chart, so a status or level has the same colour everywhere. */
export const chartColors = {
  primary: "#1d4ed8",
  secondary: "#0f766e",
  tertiary: "#b45309",
  quaternary: "#7c3aed",
  muted: "#94a3b8",
  status: {
    INTAKE: "#94a3b8",
    QUALIFIED: "#60a5fa",
    PROPOSED: "#818cf8",
    MATCHED: "#2dd4bf",
    IN_SPRINT: "#0f766e",
    COMPLETED: "#15803d",
    CLOSED: "#b91c1c",
  } as Record<string, string>,
  level: { WO: "#1d4ed8", HBO: "#0f766e", MBO: "#b45309" } as Record<string, string>,
  rag: { GREEN: "#15803d", AMBER: "#d97706", RED: "#b91c1c" } as Record<string, string>,
};
