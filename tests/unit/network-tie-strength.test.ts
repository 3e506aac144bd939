import { describe, expect, it } from "vitest";
import { daysBetween, deriveTieStrength, interactionEvidence } from "../../server/domains/network/derive-tie-strength.js";

describe("the tie-strength formula", () => {
  it("weighs an interaction by recency with a half-life of 180 days, ignoring later ones", () => {
    expect(interactionEvidence(["2025-06-01"], "2025-06-01")).toBe(1);
    expect(interactionEvidence(["2024-12-03"], "2025-06-01")).toBeCloseTo(0.5, 12);
    expect(interactionEvidence(["2024-06-06"], "2025-06-01")).toBeCloseTo(0.25, 2);
    expect(interactionEvidence(["2025-06-02"], "2025-06-01")).toBe(0);
    expect(daysBetween("2024-12-03", "2025-06-01")).toBe(180);
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

  it("makes a tie warm (≥ 0.5) after two fresh contacts, not after one", () => {
    expect(deriveTieStrength(0, interactionEvidence(["2025-06-01"], "2025-06-01"))).toBeLessThan(0.5);
    expect(deriveTieStrength(0, interactionEvidence(["2025-05-01", "2025-06-01"], "2025-06-01"))).toBeGreaterThanOrEqual(0.5);
  });
});
