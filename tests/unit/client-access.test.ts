import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { accessFlagFamilies, accessFor } from "../../client/src/app/accessPolicy.js";
import { accessFamilies } from "../../server/platform/auth/access-policy.js";
import { ErrorCode } from "../../server/platform/graphql/domain-error.js";
import { ROLES } from "../../server/platform/auth/roles.js";

/**
 * The client hides what a role may not read or do (client/src/app/accessPolicy.ts); the server enforces it
 * (server/platform/auth/access-policy.ts). The two must agree, or a page asks for a refused field (an error
 * banner) or hides a button the role may use. And every server error code has a translation (describeError.ts).
 */
describe("the client's access flags", () => {
  it("say for every role what the server's families say", () => {
    for (const role of ROLES) {
      const access = accessFor([role]);
      for (const [flag, family] of Object.entries(accessFlagFamilies)) {
        const allowed = accessFamilies[family].roles as readonly string[];
        expect(access[flag as keyof typeof accessFlagFamilies], `${role} ${flag}`).toBe(allowed.includes(role));
      }
    }
  });
});

describe("the client's translations of server errors", () => {
  it("have a Dutch and an English sentence for every ErrorCode", () => {
    for (const language of ["nl", "en"]) {
      const locale = JSON.parse(readFileSync(`client/src/app/locales/${language}.json`, "utf8")) as {
        serverErrors: Record<string, string>;
      };
      const missing = [...Object.values(ErrorCode), "UNKNOWN"].filter((code) => !locale.serverErrors[code]?.trim());
      expect(missing, language).toEqual([]);
    }
  });
});
