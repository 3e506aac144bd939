import type { Database } from "../../platform/neo4j/database.js";
import { caseInWindow, furthestRank, stageRank, type FigureWindow } from "./figure-window.js";
import { FunnelGranularity, type FunnelPeriod } from "./figures-types.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";

/** Per group of cases: how many were created and how many of those reached each stage. */
const stageCounts = `count(c) AS created,
  sum(CASE WHEN furthest >= 1 THEN 1 ELSE 0 END) AS qualified,
  sum(CASE WHEN furthest >= 2 THEN 1 ELSE 0 END) AS proposed,
  sum(CASE WHEN furthest >= 3 THEN 1 ELSE 0 END) AS matched,
  sum(CASE WHEN furthest >= 4 THEN 1 ELSE 0 END) AS inSprint,
  sum(CASE WHEN furthest >= 5 THEN 1 ELSE 0 END) AS completed,
  sum(CASE WHEN c.status = 'CLOSED' THEN 1 ELSE 0 END) AS closed`;

const countsAsMap = "{created: created, qualified: qualified, proposed: proposed, matched: matched, inSprint: inSprint, completed: completed, closed: closed}";

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
    const rows = await db.read(
      `MATCH (c:Case) WHERE c.created IS NOT NULL AND ${caseInWindow}
       WITH c, date.truncate('month', date(c.created)) AS month, ${furthestRank} AS furthest
       WITH month, ${stageCounts}
       WITH collect({month: month, counts: ${countsAsMap}}) AS groups,
            min(month) AS first, max(month) AS last
       WITH groups,
            CASE WHEN $from IS NULL THEN first ELSE date.truncate('month', date($from)) END AS a,
            CASE WHEN $to IS NULL THEN last ELSE date.truncate('month', date($to)) END AS b
       WHERE a IS NOT NULL AND b IS NOT NULL
       UNWIND range(0, (b.year - a.year) * 12 + b.month - a.month) AS k
       WITH groups, a + duration({months: k}) AS m
       WITH m, head([g IN groups WHERE g.month = m | g.counts]) AS counts
       RETURN toString(m) AS start, toString(m + duration({months: 1}) - duration({days: 1})) AS end, counts
       ORDER BY m`,
      params,
    );
    return rows.map((r) => ({
      key: String(r.start).slice(0, 7),
      label: String(r.start).slice(0, 7),
      start: String(r.start),
      end: String(r.end),
      ...toCounts(r.counts),
    }));
  }

  if (!institution) throw new DomainError(ErrorCode.BAD_USER_INPUT, "Grouping by teaching period needs an institution.", "institution");
  return db.readTx(async (tx) => {
    const found = await tx.run("MATCH (i:Institution {id: $institution}) RETURN i.id AS id", params);
    if (found.length === 0) throw new DomainError(ErrorCode.NOT_FOUND, `No institution with id ${institution}.`, "institution");
    const rows = await tx.run(
      `MATCH (i:Institution {id: $institution})
       CALL (i) {
         OPTIONAL MATCH (i)-[:HAS_PERIOD]->(tp:TeachingPeriod)
         RETURN collect(tp) AS periods
       }
       CALL (periods) {
         MATCH (c:Case) WHERE c.created IS NOT NULL AND ${caseInWindow}
         CALL (c, periods) {
           UNWIND periods AS tp
           WITH tp WHERE tp.startDate <= date(c.created)
           RETURN tp AS bucket ORDER BY tp.startDate DESC, tp.endDate ASC, tp.id ASC LIMIT 1
         }
         WITH bucket, c, ${furthestRank} AS furthest
         WITH bucket, ${stageCounts}
         RETURN collect({id: bucket.id, counts: ${countsAsMap}}) AS groups
       }
       UNWIND periods AS tp
       WITH tp, groups
       WHERE ($from IS NULL OR tp.endDate >= date($from)) AND ($to IS NULL OR tp.startDate <= date($to))
       RETURN tp.id AS key, tp.name + ' ' + tp.academicYear AS label, toString(tp.startDate) AS start, toString(tp.endDate) AS end,
              head([g IN groups WHERE g.id = tp.id | g.counts]) AS counts
       ORDER BY tp.startDate, tp.endDate, tp.id`,
      params,
    );
    return rows.map((r) => ({ key: String(r.key), label: String(r.label), start: String(r.start), end: String(r.end), ...toCounts(r.counts) }));
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
