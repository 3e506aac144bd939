import { randomUUID } from "node:crypto";
import { amsterdamTime } from "../../platform/clock/clock.js";
import { todayIso } from "../../platform/clock/read-clock.js";
import type { Actor } from "../../platform/auth/resolve-actor.js";
import { log } from "../../platform/log.js";
import type { MailServices } from "../../platform/mail/mail-services.js";
import { Language } from "../../platform/model/graph-enums.js";
import type { Database } from "../../platform/neo4j/database.js";
import { MailKind, queueMessage, readMessagesToRetry } from "../mail/index.js";
import type { MatchingSettings } from "../suggestions/index.js";
import { answerLinksFor } from "./answer-links.js";
import { DEFAULT_WORKSPACE_NAME } from "./build-digest.js";
import { renderReminder } from "./render-reminder.js";
import { deliverProposalMessage, sendDigest } from "./send-mail.js";
import {
  MARK_REMINDED,
  READ_DIGEST_SCHEDULE,
  READ_PROPOSALS_TO_REMIND,
  READ_TEACHERS_WITH_DIGEST_DUE,
  RECORD_SCHEDULE_RUN,
} from "./statements.js";

/**
 * The schedule (docs/mail.md, "The schedule"): every DIGEST_SCHEDULE_MINUTES a round that, within
 * working hours in Amsterdam (DIGEST_HOURS, Monday to Friday) and unless paused, (1) retries the
 * messages whose next attempt is due, (2) sends every due digest (each teacher's rhythm; a digest
 * never lists a case ever proposed to that teacher), (3) sends the reminders of proposals about to expire.
 */
export interface DigestRound {
  at: string;
  /** Why nothing was done: PAUSED, OUTSIDE_HOURS; null when the round ran. */
  skipped: "PAUSED" | "OUTSIDE_HOURS" | null;
  digestsSent: number;
  digestsFailed: number;
  retried: number;
  reminders: number;
  /** Teachers with a due digest that no message can reach (erased, or no e-mail address). */
  unreachable: string[];
}

/** The schedule acts for nobody in particular: events it writes have no author. */
const SCHEDULE_ACTOR: Actor = { id: null, personId: null, needsCheck: false };

export function withinWorkingHours(at: Date, hours: { from: number; to: number }): boolean {
  const t = amsterdamTime(at);
  return t.weekday <= 5 && t.hour >= hours.from && t.hour < hours.to;
}

export async function readSchedulePaused(db: Database): Promise<boolean> {
  return (await db.read(READ_DIGEST_SCHEDULE))[0]?.paused === true;
}

/**
 * One round. `force` (a coordinator's "send the due digests now") ignores the working hours, never
 * the pause: a paused schedule sends nothing, by hand either (resume it first).
 */
export async function runDigestRound(
  db: Database,
  mail: MailServices,
  settings: MatchingSettings,
  options: { force?: boolean; actor?: Actor } = {},
): Promise<DigestRound> {
  const nowDate = mail.clock.now();
  const now = nowDate.toISOString();
  const round: DigestRound = {
    at: now,
    skipped: null,
    digestsSent: 0,
    digestsFailed: 0,
    retried: 0,
    reminders: 0,
    unreachable: [],
  };
  if (await readSchedulePaused(db)) round.skipped = "PAUSED";
  else if (!options.force && !withinWorkingHours(nowDate, mail.hours)) round.skipped = "OUTSIDE_HOURS";
  if (round.skipped) return round;
  const actor = options.actor ?? SCHEDULE_ACTOR;

  // 1. Retries first: a digest waiting for its retry blocks that teacher's next one (queueDigest).
  for (const messageId of await readMessagesToRetry(db, now)) {
    await deliverProposalMessage(db, mail, messageId, settings, actor.id);
    round.retried += 1;
  }
  // 2. The due digests of today (Amsterdam).
  const date = todayIso(nowDate);
  const due = await db.read(READ_TEACHERS_WITH_DIGEST_DUE, { date });
  for (const row of due) {
    try {
      const outcome = await sendDigest(db, mail, { teacherId: String(row.id), date, caseIds: null }, actor, settings);
      if (outcome.status === "SENT" || outcome.status === "OUTBOX") round.digestsSent += 1;
      else if (outcome.status === "FAILED" || outcome.status === "GAVE_UP") round.digestsFailed += 1;
      else if (outcome.status === "UNREACHABLE") round.unreachable.push(outcome.teacherId);
    } catch (error) {
      // One teacher's digest that cannot be made (a case changed under it) does not stop the others'.
      round.digestsFailed += 1;
      log.warn("A digest could not be made", {
        teacherId: String(row.id),
        error: error instanceof Error ? error.name : "unknown",
      });
    }
  }
  // 3. One reminder per proposal about to expire.
  round.reminders = await sendReminders(db, mail, settings);
  await db.write(RECORD_SCHEDULE_RUN, { now, summary: JSON.stringify(round) });
  return round;
}

/** One reminder per open proposal that expires within REMINDER_DAYS_BEFORE days; never a second one. */
export async function sendReminders(db: Database, mail: MailServices, settings: MatchingSettings): Promise<number> {
  if (mail.reminderDaysBefore <= 0) return 0;
  const nowDate = mail.clock.now();
  const now = nowDate.toISOString();
  const rows = await db.read(READ_PROPOSALS_TO_REMIND, { now, days: mail.reminderDaysBefore });
  let sent = 0;
  for (const row of rows) {
    const language = row.language === Language.EN ? Language.EN : Language.NL;
    const proposalId = String(row.proposalId);
    const links = await answerLinksFor(
      {
        key: mail.linkKey,
        publicUrl: mail.publicUrl,
        proposalId,
        teacherId: String(row.teacherId),
        language,
        expiresAt: String(row.expiresAt),
      },
      nowDate,
    );
    const text = renderReminder({
      teacherName: String(row.teacherName ?? ""),
      workspaceName: DEFAULT_WORKSPACE_NAME,
      language,
      caseTitle: String(row.caseTitle ?? ""),
      smeName: (row.smeName as string | null) ?? null,
      courseName: (row.courseName as string | null) ?? null,
      sentOn: String(row.sentAt).slice(0, 10),
      expiresOn: String(row.expiresAt).slice(0, 10),
      links,
    });
    const messageId = await db.writeTx(async (tx) => {
      const id = await queueMessage(
        tx,
        mail,
        {
          kind: MailKind.REMINDER,
          personId: String(row.teacherId),
          to: String(row.email),
          toName: String(row.teacherName ?? ""),
          subject: text.subject,
          text: text.body,
          html: text.html,
          language,
        },
        now,
      );
      // Marked when queued: a reminder that fails is retried as a message, never queued twice.
      await tx.run(MARK_REMINDED, {
        proposalId,
        messageId: id,
        now,
        followUpId: randomUUID(),
        note: `reminder e-mailed (expires ${String(row.expiresAt).slice(0, 10)})`,
      });
      return id;
    });
    await deliverProposalMessage(db, mail, messageId, settings, null);
    sent += 1;
  }
  return sent;
}

export interface DigestSchedule {
  /** Rounds run, and the last one. */
  readonly state: { rounds: number; failures: number; last: DigestRound | null };
  /** Runs one round now (between the timer's), waiting for one under way first. */
  runNow(): Promise<DigestRound | null>;
  /** Stops the timer and waits for a round under way (each write is its own transaction). */
  stop(): Promise<void>;
}

/**
 * Runs rounds every `intervalMs`, the next timed from the end of the last (never two at once). Not
 * started in tests unless a test starts it: server/app/start.ts starts it for `npm start`.
 */
export function scheduleDigests(
  db: Database,
  mail: MailServices,
  settings: () => MatchingSettings,
  options: { intervalMs: number; firstDelayMs?: number },
): DigestSchedule {
  const state: DigestSchedule["state"] = { rounds: 0, failures: 0, last: null };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<DigestRound | null> | undefined;

  const run = async (): Promise<DigestRound | null> => {
    try {
      const round = await runDigestRound(db, mail, settings());
      state.rounds += 1;
      state.last = round;
      if (!round.skipped && round.digestsSent + round.digestsFailed + round.retried + round.reminders > 0) {
        log.info("Digest round", { ...round, unreachable: round.unreachable.length });
      }
      return round;
    } catch (error) {
      if (stopped) return null;
      state.failures += 1;
      const code = (error as { code?: unknown }).code;
      log.error("Digest round failed", {
        error: error instanceof Error ? error.name : "unknown",
        code: typeof code === "string" ? code : undefined,
      });
      return null;
    }
  };
  const plan = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = run().finally(() => {
        running = undefined;
        plan(options.intervalMs);
      });
    }, delay);
    // The schedule alone never keeps the process alive.
    timer.unref();
  };
  plan(options.firstDelayMs ?? options.intervalMs);

  return {
    state,
    async runNow() {
      if (running) await running;
      return run();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (running) await running.catch(() => null);
    },
  };
}
