import { afterAll, beforeAll } from "vitest";
import { startE2eEnvironment, type E2eEnvironment } from "./support/start-e2e-environment.js";
import { boardSuite } from "./suites/board-suite.js";
import { casesSuite } from "./suites/cases-suite.js";
import { clientPagesSuite } from "./suites/client-pages-suite.js";
import { embeddingSuite } from "./suites/embedding-suite.js";
import { everyRoleSuite } from "./suites/every-role-suite.js";
import { explorerSuite } from "./suites/explorer-suite.js";
import { importGraphSuite } from "./suites/import-graph-suite.js";
import { overrideSuite } from "./suites/override-suite.js";
import { pagesSuite } from "./suites/pages-suite.js";
import { portalSuite } from "./suites/portal-suite.js";
import { publicFormSuite } from "./suites/public-form-suite.js";
import { shellSuite } from "./suites/shell-suite.js";

/**
 * The client in a real browser against the real server with the demo data. One file, one
 * environment: loading the demo data and starting chromium once keeps `npm test` quick. The
 * suites run in this order; those that change data (cases, outreach, digests) compare the page
 * with the API at that moment, not with fixed numbers.
 */
let env: E2eEnvironment | undefined;

beforeAll(async () => {
  env = await startE2eEnvironment();
}, 600_000);

afterAll(async () => {
  await env?.stop();
});

function getEnv(): E2eEnvironment {
  if (!env) throw new Error("The e2e environment did not start.");
  return env;
}

shellSuite(getEnv);
explorerSuite(getEnv);
embeddingSuite(getEnv);
casesSuite(getEnv);
overrideSuite(getEnv);
pagesSuite(getEnv);
clientPagesSuite(getEnv);
publicFormSuite(getEnv);
importGraphSuite(getEnv);
boardSuite(getEnv);
everyRoleSuite(getEnv);
portalSuite(getEnv);
