export type Rag = "RED" | "AMBER" | "GREEN";

/**
 * Red/amber/green for a row of the ranking. Institutions carry the server's verdict. Programmes
 * have none, so the dashboard reads their ladder level: no warm route or a single thread (levels
 * 0–1) is red, several teachers (2) amber, programme management or deeper (3–5) green. The legend
 * on the page says the same.
 */
export function ragOf(entry: { kind: string; level: number; verdict?: string | null }): Rag {
  if (entry.verdict === "RED" || entry.verdict === "AMBER" || entry.verdict === "GREEN") return entry.verdict;
  if (entry.level <= 1) return "RED";
  if (entry.level === 2) return "AMBER";
  return "GREEN";
}
