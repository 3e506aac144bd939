import { log } from "../../platform/log.js";
import type { Database } from "../../platform/neo4j/database.js";
import { todayIso } from "../../platform/clock/read-clock.js";
import { deriveTieStrength, interactionEvidence, type CountedInteraction } from "./derive-tie-strength.js";
import { READ_TIES_TO_REDERIVE, WRITE_REDERIVED_TIES } from "./statements.js";

/** Pairs read and written per transaction. */
const PAGE = 2000;

export interface RederivedTies {
  /** The reference date the strengths are derived for. */
  asOf: string;
  /** Ties (not manual) between people with interactions, looked at. */
  ties: number;
  /** Of those, the ties whose strength or base changed. */
  changed: number;
}

/**
 * Re-derives, as of `asOf` (default today in Amsterdam), the strength of every tie whose two people
 * have logged interactions, by the formula of derive-tie-strength.ts: strength = 1 − (1 − base)·e^(−E/2)
 * with E the weighted, recency-faded evidence on `asOf`. This is how strength decays without
 * contact — the stored strength is as of the last run — and how ties derived by an earlier
 * formula (when an unanswered message still counted) are brought in line.
 *  - Manual ties are left alone; pairs without a tie get none (only logInteraction creates ties).
 *  - base is the tie's baseStrength, or, for a tie never derived, its strength until then (kept
 *    as its baseStrength from now on) — the same first-time rule as applyInteractionToTie.
 *  - Idempotent: a second run on the same date writes nothing; a tie logInteraction changed between
 *    this run's read and write keeps that value (it is already derived as of today).
 * Runs at start (server/app/start.ts) and then hourly (scheduleTieRederivation); each page is one
 * write transaction.
 */
export async function rederiveTies(db: Database, asOf: string = todayIso()): Promise<RederivedTies> {
  let after = "";
  let ties = 0;
  let changed = 0;
  for (;;) {
    const page = await db.writeTx(async (tx) => {
      const rows = await tx.run(READ_TIES_TO_REDERIVE, { after, limit: PAGE });
      const updates: Array<{ tie: string; strength: number; base: number; previousStrength: number }> = [];
      for (const row of rows) {
        if (row.tie == null || row.manual === true) continue;
        const previousStrength = Number(row.strength);
        const base = row.baseStrength == null ? previousStrength : Number(row.baseStrength);
        const interactions = (row.interactions as CountedInteraction[]).filter((i) => i.date <= asOf);
        const strength = deriveTieStrength(base, interactionEvidence(interactions, asOf));
        ties += 1;
        if (strength !== previousStrength || row.baseStrength == null)
          updates.push({ tie: String(row.tie), strength, base, previousStrength });
      }
      const written = updates.length > 0 ? await tx.run(WRITE_REDERIVED_TIES, { updates }) : [];
      changed += Number(written[0]?.changed ?? 0);
      const last = rows
        .map((r) => String(r.pair))
        .sort()
        .at(-1);
      return { count: rows.length, last };
    });
    if (page.count < PAGE || !page.last) break;
    after = page.last;
  }
  return { asOf, ties, changed };
}

export interface TieRederivationSchedule {
  readonly state: { runs: number; failures: number; lastDate: string | null };
  stop(): Promise<void>;
}

/**
 * Every `intervalMs` (start.ts: hourly), re-derives the ties when the date in Amsterdam has moved
 * on since the last run, so decay is applied at most one interval after midnight. The first check
 * comes one interval after `startedOn` (the run at start covers that day). Failures (Neo4j down)
 * are logged by name and tried again at the next check.
 */
export function scheduleTieRederivation(
  db: Database,
  options: { intervalMs: number; startedOn: string | null },
): TieRederivationSchedule {
  const state: TieRederivationSchedule["state"] = { runs: 0, failures: 0, lastDate: options.startedOn };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const run = async () => {
    const today = todayIso();
    if (today === state.lastDate) return;
    try {
      const done = await rederiveTies(db, today);
      state.runs += 1;
      state.lastDate = today;
      log.info("Tie strengths re-derived", { ...done });
    } catch (error) {
      if (stopped) return;
      state.failures += 1;
      log.warn("Re-deriving tie strengths failed; trying again at the next check", {
        error: error instanceof Error ? error.name : "unknown",
      });
    }
  };
  const plan = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = run().finally(() => {
        running = undefined;
        plan();
      });
    }, options.intervalMs);
    timer.unref();
  };
  plan();
  return {
    state,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
