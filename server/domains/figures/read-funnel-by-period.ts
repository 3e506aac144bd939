import type { Database } from "../../platform/neo4j/database.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { stageRank, type FigureWindow } from "./figure-window.js";
import { FunnelGranularity, type FunnelPeriod } from "./figures-types.js";
import { READ_FUNNEL_BY_MONTH, READ_FUNNEL_BY_TEACHING_PERIOD, READ_INSTITUTION_EXISTS } from "./statements.js";

/**
 * F2: cases created per calendar month (UTC) or per teaching period of one institution, with how
 * far they got. Months run without gaps from the first to the last (or the window's bounds);
 * periods are every period of the institution that overlaps the window.
 */
export async function readFunnelByPeriod(
  db: Database,
  granularity: FunnelGranularity,
  institution: string | null | undefined,
  window: FigureWindow,
): Promise<FunnelPeriod[]> {
  const params = { ...window, rank: stageRank, institution: institution ?? null };
  if (granularity === FunnelGranularity.MONTH) {
    const rows = await db.read(READ_FUNNEL_BY_MONTH, params);
    return rows.map((r) => ({
      key: String(r.start).slice(0, 7),
      label: String(r.start).slice(0, 7),
      start: String(r.start),
      end: String(r.end),
      ...toCounts(r.counts),
    }));
  }

  if (!institution)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, "Grouping by teaching period needs an institution.", "institution");
  return db.readTx(async (tx) => {
    const found = await tx.run(READ_INSTITUTION_EXISTS, params);
    if (found.length === 0) throw new DomainError(ErrorCode.NOT_FOUND, `No institution with id ${institution}.`, "institution");
    const rows = await tx.run(READ_FUNNEL_BY_TEACHING_PERIOD, params);
    return rows.map((r) => ({
      key: String(r.key),
      label: String(r.label),
      start: String(r.start),
      end: String(r.end),
      ...toCounts(r.counts),
    }));
  });
}

type Counts = Pick<FunnelPeriod, "created" | "qualified" | "proposed" | "matched" | "inSprint" | "completed" | "closed">;

function toCounts(value: unknown): Counts {
  const c = (value ?? {}) as Partial<Record<keyof Counts, number>>;
  return {
    created: c.created ?? 0,
    qualified: c.qualified ?? 0,
    proposed: c.proposed ?? 0,
    matched: c.matched ?? 0,
    inSprint: c.inSprint ?? 0,
    completed: c.completed ?? 0,
    closed: c.closed ?? 0,
  };
}
