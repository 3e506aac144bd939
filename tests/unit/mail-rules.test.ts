import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { retryDelayMs } from "../../server/domains/mail/deliver-message.js";
import { signAnswerLink, verifyAnswerLink } from "../../server/domains/proposals/answer-links.js";
import { withinWorkingHours } from "../../server/domains/proposals/digest-schedule.js";
import { signToken } from "../../server/platform/auth/sign-token.js";
import { amsterdamTime } from "../../server/platform/clock/clock.js";
import { answerLinkKey } from "../../server/platform/mail/mail-services.js";
import { Language, ProposalAnswer } from "../../server/platform/model/graph-enums.js";

/** The rules of docs/mail.md that need no Neo4j: working hours, back-off, answer links. */
describe("the schedule's working hours (Amsterdam)", () => {
  const hours = { from: 9, to: 17 };
  it("counts Amsterdam time, winter and summer", () => {
    expect(amsterdamTime(new Date("2026-12-07T08:30:00Z"))).toEqual({ weekday: 1, hour: 9, minute: 30 });
    expect(amsterdamTime(new Date("2026-07-06T08:30:00Z"))).toEqual({ weekday: 1, hour: 10, minute: 30 });
  });
  it("sends Monday to Friday from 9 until 17 only", () => {
    expect(withinWorkingHours(new Date("2026-12-07T07:59:00Z"), hours)).toBe(false); // Monday 08:59
    expect(withinWorkingHours(new Date("2026-12-07T08:00:00Z"), hours)).toBe(true); // Monday 09:00
    expect(withinWorkingHours(new Date("2026-12-11T15:59:00Z"), hours)).toBe(true); // Friday 16:59
    expect(withinWorkingHours(new Date("2026-12-11T16:00:00Z"), hours)).toBe(false); // Friday 17:00
    expect(withinWorkingHours(new Date("2026-12-12T10:00:00Z"), hours)).toBe(false); // Saturday
  });
});

describe("retries", () => {
  it("wait MAIL_RETRY_MINUTES, doubling per failed attempt, at most a day", () => {
    const five = 5 * 60_000;
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, five) / 60_000)).toEqual([5, 10, 20, 40]);
    expect(retryDelayMs(30, five)).toBe(86_400_000);
  });
});

describe("answer links", () => {
  const config = { NODE_ENV: "test" as const, JWT_SECRET: "x".repeat(40), ANSWER_LINK_SECRET: undefined };
  const key = answerLinkKey(config);
  const now = new Date("2026-12-07T09:00:00Z");
  const claim = { proposalId: "p1", teacherId: "t1", answer: ProposalAnswer.NOT_NOW, language: Language.EN };

  it("carry the proposal, teacher, answer and language, and expire", async () => {
    const token = await signAnswerLink(key, claim, "2026-12-21T09:00:00Z", now);
    const checked = await verifyAnswerLink(key, token, now);
    expect(checked).toMatchObject({ ok: true, claim });
    expect(await verifyAnswerLink(key, token, new Date("2026-12-21T09:01:00Z"))).toEqual({ ok: false, reason: "EXPIRED" });
  });

  it("refuse a changed payload, another key, and a sign-in token", async () => {
    const token = await signAnswerLink(key, claim, "2026-12-21T09:00:00Z", now);
    const [h, p, s] = token.split(".");
    const changed = JSON.parse(Buffer.from(p!, "base64url").toString()) as Record<string, unknown>;
    changed.pid = "p2";
    const forged = `${h}.${Buffer.from(JSON.stringify(changed)).toString("base64url")}.${s}`;
    expect(await verifyAnswerLink(key, forged, now)).toEqual({ ok: false, reason: "INVALID" });
    expect(await verifyAnswerLink(answerLinkKey({ ...config, JWT_SECRET: "y".repeat(40) }), token, now)).toEqual({
      ok: false,
      reason: "INVALID",
    });
    // A sign-in token is signed with another key and audience: never an answer link.
    const signIn = await signToken({ ...config, JWT_TTL: "1h" }, { id: "t1", roles: ["COORDINATOR"] });
    expect(await verifyAnswerLink(key, signIn.token, new Date())).toEqual({ ok: false, reason: "INVALID" });
  });
});
