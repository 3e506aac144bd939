import { WORKSPACE_TIME_ZONE } from "./read-clock.js";

/**
 * A clock that can be handed to background work (the digest schedule, the answer links), so a test
 * can move time forward without waiting: `systemClock` reads the machine's time, `ManualClock` is set
 * by hand. The GraphQL resolvers read the machine's time through read-clock.ts (`nowIso`).
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved: for tests that simulate days or months. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}

const weekdayAndHour = new Intl.DateTimeFormat("en-GB", {
  timeZone: WORKSPACE_TIME_ZONE,
  weekday: "short",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The weekday (1 = Monday … 7 = Sunday) and the hour and minute in Amsterdam at `at`. */
export function amsterdamTime(at: Date): { weekday: number; hour: number; minute: number } {
  const parts = Object.fromEntries(weekdayAndHour.formatToParts(at).map((p) => [p.type, p.value]));
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(String(parts.weekday)) + 1;
  return { weekday, hour: Number(parts.hour), minute: Number(parts.minute) };
}
