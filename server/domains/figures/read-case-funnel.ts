import type { Database } from "../../platform/neo4j/database.js";
import { CaseStatus } from "../../platform/model/graph-enums.js";
import { caseInWindow, furthestRank, stageRank, type FigureWindow } from "./figure-window.js";
import type { FunnelStage } from "./figures-types.js";

/** F1: per state, how many cases are in it now and how many ever got that far (docs/figures.md). */
export async function readCaseFunnel(db: Database, window: FigureWindow): Promise<FunnelStage[]> {
  const rows = await db.read(
    `MATCH (c:Case) WHERE ${caseInWindow}
     WITH c.status AS status, ${furthestRank} AS furthest
     WITH collect({status: status, furthest: furthest}) AS cases
     UNWIND $statuses AS status
     RETURN status,
            size([x IN cases WHERE x.status = status]) AS current,
            size([x IN cases WHERE (status = 'CLOSED' AND x.status = 'CLOSED') OR (status <> 'CLOSED' AND x.furthest >= $rank[status])]) AS reached`,
    { ...window, statuses: Object.values(CaseStatus), rank: stageRank },
  );
  return rows.map((r) => ({ status: r.status as CaseStatus, current: Number(r.current), reached: Number(r.reached) }));
}
