import { describe, expect, it } from "vitest";
import { nextFloor, STRENGTH_LADDER, type RankedPath } from "../../server/domains/network/rank-warm-paths.js";

const path = (score: number): RankedPath => ({ personIds: ["a", "b"], ties: [], score, hops: 1 });

describe("the strength ladder's next floor", () => {
  it("stops after a search at minStrength: that search saw every usable tie", () => {
    expect(nextFloor([], 0, 0, 3)).toBeNull();
    expect(nextFloor([path(0.1)], 0.4, 0.4, 3)).toBeNull();
  });

  it("stops when the k-th score (less the rounding margin) is at least the floor", () => {
    expect(nextFloor([path(0.99), path(0.95), path(0.9 + 2e-9)], 0.9, 0, 3)).toBeNull();
  });

  it("searches again at the k-th score when it lies below the floor, never below minStrength", () => {
    expect(nextFloor([path(0.99), path(0.95), path(0.81)], 0.9, 0, 3)).toBeCloseTo(0.81 - 1e-9, 12);
    expect(nextFloor([path(0.99), path(0.95), path(0.81)], 0.9, 0.85, 3)).toBe(0.85);
    // A path at exactly the floor is not enough: a rounded tie could hide just below it.
    expect(nextFloor([path(0.99), path(0.95), path(0.9)], 0.9, 0, 3)).toBeCloseTo(0.9 - 1e-9, 12);
  });

  it("takes the next rung when fewer than k paths were found, then minStrength", () => {
    expect(nextFloor([path(0.95)], STRENGTH_LADDER[0], 0, 3)).toBe(STRENGTH_LADDER[1]);
    expect(nextFloor([], STRENGTH_LADDER[1], 0, 3)).toBe(STRENGTH_LADDER[2]);
    expect(nextFloor([], STRENGTH_LADDER[2], 0, 3)).toBe(0);
    expect(nextFloor([], STRENGTH_LADDER[0], 0.7, 3)).toBe(0.7);
  });
});
