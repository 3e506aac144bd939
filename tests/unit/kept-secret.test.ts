import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { keptSecret } from "../../server/platform/auth/sign-token.js";

describe("the development signing secret kept in a file", () => {
  it("is made once, owner-only, and the same secret is read back after a restart", () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "kept-secret-")), "nested", "secret");
    const first = keptSecret(file);
    expect(first.length).toBe(48);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(keptSecret(file)).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(readFileSync(file)).equals(Buffer.from(first))).toBe(true);
  });

  it("replaces a file too short to be a secret", () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "kept-secret-")), "secret");
    writeFileSync(file, "short");
    const secret = keptSecret(file);
    expect(secret.length).toBe(48);
    expect(readFileSync(file).length).toBe(48);
  });
});
