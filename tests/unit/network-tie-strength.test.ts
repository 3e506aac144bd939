import { describe, expect, it } from "vitest";
import {
  daysBetween,
  deriveTieStrength,
  interactionEvidence,
  interactionWeight,
  introductionBase,
  type CountedInteraction,
} from "../../server/domains/network/derive-tie-strength.js";

/** Meetings on these dates (two-way by nature, weight 1). */
function meetings(...dates: string[]): CountedInteraction[] {
  return dates.map((date) => ({ date, channel: "MEETING", result: null }));
}

describe("the tie-strength formula", () => {
  it("weighs a two-way contact by recency with a half-life of 180 days, ignoring later ones", () => {
    expect(interactionEvidence(meetings("2025-06-01"), "2025-06-01")).toBe(1);
    expect(interactionEvidence(meetings("2024-12-03"), "2025-06-01")).toBeCloseTo(0.5, 12);
    expect(interactionEvidence(meetings("2024-06-06"), "2025-06-01")).toBeCloseTo(0.25, 2);
    expect(interactionEvidence(meetings("2025-06-02"), "2025-06-01")).toBe(0);
    expect(daysBetween("2024-12-03", "2025-06-01")).toBe(180);
  });

  it("gives each result its weight: answers build the tie, attempts and refusals do not", () => {
    const weight = (channel: string, result: string | null) => interactionWeight({ channel, result });
    expect(["REPLIED", "INTERESTED", "AGREED"].map((r) => weight("EMAIL", r))).toEqual([1, 1, 1]);
    expect(["NO_REPLY", "NOT_NOW", "DECLINED"].map((r) => weight("MEETING", r))).toEqual([0, 0, 0]);
    // Without a result the channel decides: spoken or met is two-way, a message is an attempt.
    expect(["MEETING", "PHONE", "EVENT", "SPRINT"].map((c) => weight(c, null))).toEqual([1, 1, 1, 1]);
    expect(["EMAIL", "LINKEDIN", "WEBSITE", "WARM_INTRODUCTION"].map((c) => weight(c, null))).toEqual([0, 0, 0, 0]);
  });

  it("never makes a tie warm from unanswered attempts, however many", () => {
    const attempts = Array.from({ length: 50 }, () => ({ date: "2025-06-01", channel: "LINKEDIN", result: "NO_REPLY" }));
    expect(interactionEvidence(attempts, "2025-06-01")).toBe(0);
    expect(deriveTieStrength(0, interactionEvidence(attempts, "2025-06-01"))).toBe(0.01);
    const refusals = [{ date: "2025-06-01", channel: "EMAIL", result: "NOT_NOW" }];
    expect(deriveTieStrength(0.3, interactionEvidence(refusals, "2025-06-01"))).toBe(0.3);
  });

  it("grows with frequency with diminishing returns, from the base towards 1", () => {
    expect([1, 2, 3, 5].map((e) => deriveTieStrength(0, e))).toEqual([0.393, 0.632, 0.777, 0.918]);
    expect(deriveTieStrength(0.3, 1)).toBe(0.575);
    expect(deriveTieStrength(0.9, 1)).toBe(0.939);
    // Evidence never pulls a tie below its base; with none, the base itself.
    expect(deriveTieStrength(0.9, 0)).toBe(0.9);
    // A very old contact on a new tie still leaves a (minimal) tie.
    expect(deriveTieStrength(0, 0.0001)).toBe(0.01);
  });

  it("makes a tie warm (≥ 0.5) after two fresh two-way contacts, not after one", () => {
    expect(deriveTieStrength(0, interactionEvidence(meetings("2025-06-01"), "2025-06-01"))).toBeLessThan(0.5);
    expect(deriveTieStrength(0, interactionEvidence(meetings("2025-05-01", "2025-06-01"), "2025-06-01"))).toBeGreaterThanOrEqual(
      0.5,
    );
  });

  it("decays back to the base as the contacts age", () => {
    const two = meetings("2025-05-01", "2025-06-01");
    const at = (reference: string) => deriveTieStrength(0.2, interactionEvidence(two, reference));
    expect(at("2025-06-01")).toBeGreaterThan(at("2025-12-01"));
    expect(at("2025-12-01")).toBeGreaterThan(at("2027-06-01"));
    expect(at("2035-06-01")).toBe(0.2);
  });

  it("starts an introduced tie from the product of the introducer's ties, capped at 0.8", () => {
    expect(introductionBase(0.9, 0.7)).toBe(0.63);
    expect(introductionBase(0.95, 0.95)).toBe(0.8);
    expect(introductionBase(1, 0.6)).toBe(0.6);
    expect(introductionBase(0.9, null)).toBe(0);
  });
});
