import neo4j from "neo4j-driver";
import { afterEach, describe, expect, it, vi } from "vitest";
import { signToken } from "../../server/platform/auth/sign-token.js";
import { verifyToken } from "../../server/platform/auth/verify-token.js";
import { toNative } from "../../server/platform/neo4j/database.js";

/**
 * #19 part 3 made two things of every request cheaper; these tests hold them to what they did before:
 * toNative (every row of every read) gives the same values as the entries-based copy it replaced, and a token kept
 * after its first verification is refused exactly when a fresh verification would refuse it.
 */

/** The conversion as it was: Object.fromEntries over Object.entries, every value checked against every driver type. */
function toNativeBefore(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  if (neo4j.isNode(value)) return toNativeBefore(value.properties);
  if (neo4j.isRelationship(value)) return toNativeBefore(value.properties);
  if (Array.isArray(value)) return value.map(toNativeBefore);
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toNativeBefore(v)]));
  }
  return value;
}

describe("toNative", () => {
  it("converts driver values as before: integers, temporal values, nodes, relationships, lists and maps", () => {
    const node = new neo4j.types.Node(neo4j.int(1), ["Case"], {
      id: "c1",
      size: neo4j.int(3),
      at: new neo4j.types.Date(2026, 12, 7),
    });
    const relationship = new neo4j.types.Relationship(neo4j.int(2), neo4j.int(1), neo4j.int(3), "KNOWS", {
      strength: 0.5,
      since: new neo4j.types.DateTime(2026, 1, 2, 3, 4, 5, 0, 3600),
    });
    const row = {
      id: "c1",
      count: neo4j.int(42),
      big: neo4j.int("9007199254740993"),
      flag: true,
      nothing: null,
      score: 1.25,
      duration: new neo4j.types.Duration(1, 2, 3, 4),
      node,
      relationship,
      cards: [{ title: "Webshop", topics: ["a", "b"], n: neo4j.int(7) }, null, [neo4j.int(1), "x"]],
      nested: { deeper: { list: [{ at: new neo4j.types.LocalDateTime(2026, 12, 7, 5, 0, 0, 0) }] } },
    };
    expect(toNative(row)).toEqual(toNativeBefore(row));
    expect(JSON.stringify(toNative(row))).toBe(JSON.stringify(toNativeBefore(row)));
    for (const value of ["text", 0, -1.5, false, undefined, null, [], {}]) expect(toNative(value)).toEqual(toNativeBefore(value));
  });

  it("keeps a map key __proto__ as a key, never as the copy's prototype", () => {
    const row = JSON.parse('{"__proto__": {"polluted": true}, "id": "x"}') as Record<string, unknown>;
    const copy = toNative(row) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(["__proto__", "id"]);
    expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
    expect(JSON.stringify(copy)).toBe(JSON.stringify(toNativeBefore(row)));
  });
});

describe("verifyToken with kept verifications", () => {
  const config = { JWT_SECRET: "a-test-secret-of-at-least-thirty-two-characters", JWT_TTL: "8h", NODE_ENV: "test" } as const;

  afterEach(() => {
    vi.useRealTimers();
  });

  it("refuses a kept token as expired when its time has come, as a fresh check would", async () => {
    const { token } = await signToken({ ...config, JWT_TTL: "1s" }, { id: "kept-1", roles: ["VIEWER"] });
    const first = await verifyToken(config, `Bearer ${token}`);
    expect(first.ok).toBe(true);
    expect(await verifyToken(config, `Bearer ${token}`)).toEqual(first);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 60_000);
    expect(await verifyToken(config, `Bearer ${token}`)).toEqual({ ok: false, problem: "EXPIRED" });
  });

  it("keeps nothing across secrets and nothing refused", async () => {
    const { token } = await signToken(config, { id: "kept-2", roles: ["COORDINATOR"] });
    expect((await verifyToken(config, `Bearer ${token}`)).ok).toBe(true);
    // The same text under another secret: verified again, and refused.
    expect(await verifyToken({ ...config, JWT_SECRET: `${config.JWT_SECRET}-other` }, `Bearer ${token}`)).toEqual({
      ok: false,
      problem: "INVALID",
    });
    // A forged signature on a kept token's header and payload: refused every time.
    const [header, payload] = token.split(".");
    const forged = `${header}.${payload}.${"A".repeat(43)}`;
    for (let n = 0; n < 2; n++) expect(await verifyToken(config, `Bearer ${forged}`)).toEqual({ ok: false, problem: "INVALID" });
    expect((await verifyToken(config, `Bearer ${token}`)).ok).toBe(true);
  });
});
