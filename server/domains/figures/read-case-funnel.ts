import type { Database } from "../../platform/neo4j/database.js";
import { CaseStatus } from "../../platform/model/graph-enums.js";
import { stageRank, type FigureWindow } from "./figure-window.js";
import type { FunnelStage } from "./figures-types.js";
import { READ_CASE_FUNNEL } from "./statements.js";

/** F1: per state, how many cases are in it now and how many ever got that far (docs/figures.md). */
export async function readCaseFunnel(db: Database, window: FigureWindow): Promise<FunnelStage[]> {
  const rows = await db.read(READ_CASE_FUNNEL, { ...window, statuses: Object.values(CaseStatus), rank: stageRank });
  return rows.map((r) => ({ status: r.status as CaseStatus, current: Number(r.current), reached: Number(r.reached) }));
}
