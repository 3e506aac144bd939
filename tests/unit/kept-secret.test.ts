import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { keptSecret } from "../../server/platform/auth/sign-token.js";

/** Each test's folder, removed after it: a signing secret left in /tmp after every run is a secret lying about. */
const folders: string[] = [];
const tempFolder = () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), "kept-secret-"));
  folders.push(folder);
  return folder;
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe("the development signing secret kept in a file", () => {
  it("is made once, owner-only, and the same secret is read back after a restart", () => {
    const file = path.join(tempFolder(), "nested", "secret");
    const first = keptSecret(file);
    expect(first.length).toBe(48);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(keptSecret(file)).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(readFileSync(file)).equals(Buffer.from(first))).toBe(true);
  });

  it("replaces a file too short to be a secret", () => {
    const file = path.join(tempFolder(), "secret");
    writeFileSync(file, "short");
    const secret = keptSecret(file);
    expect(secret.length).toBe(48);
    expect(readFileSync(file).length).toBe(48);
  });
});
