import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";
import { demoUsers, ensureDemoUsers } from "../../../server/platform/auth/ensure-demo-users.js";
import { SESSION_COOKIE } from "../../../server/platform/auth/session-cookie.js";
import type { Database } from "../../../server/platform/neo4j/database.js";
import { loadDemoData } from "../../../seed/load-demo.js";
import { connectTestDatabase, resetGraph } from "../../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../../helpers/server.js";
import { buildClientInBackground, clientIsStale } from "../../../scripts/ensure-client.mjs";

/** Debian's chromium; CI installs it (.ci/run). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const docsScreenshotDir = fileURLToPath(new URL("../../../docs/screenshots/", import.meta.url));

/**
 * Where the screenshots go: docs/screenshots/ only with UPDATE_SCREENSHOTS=1 (README "The client"), otherwise a
 * temporary folder (kept, named on stderr, to look at after a run) — every run used to rewrite the committed
 * PNGs (a few pixels differ each time), which left a diff in every worktree after `npm test`.
 */
function screenshotFolder(): string {
  if (process.env.UPDATE_SCREENSHOTS === "1") return docsScreenshotDir;
  const folder = mkdtempSync(path.join(os.tmpdir(), "werkplaats-screenshots-"));
  process.stderr.write(`[e2e] screenshots in ${folder} (UPDATE_SCREENSHOTS=1 writes docs/screenshots/)\n`);
  return folder;
}

/**
 * Until the page has settled for a picture (it was a fixed 400 ms pause before each of the ~35 screenshots of a run):
 * nothing shows as loading (data a chart or panel still waits for after the test's own condition), the web fonts are
 * in, every finite CSS animation or transition has ended (the spinner's endless one does not count), and two frames
 * were painted since — Recharts measures its box with a ResizeObserver and draws in a later frame, Cytoscape draws its
 * canvas in the next one. A page still loading after 5 s is taken as it is: a screenshot documents, it asserts nothing.
 */
async function settleForScreenshot(page: Page): Promise<void> {
  const settled = await page
    .waitForFunction(
      () =>
        document.querySelector(".loading") === null &&
        document.fonts.status === "loaded" &&
        document
          .getAnimations()
          .every((animation) => animation.playState !== "running" || animation.effect?.getComputedTiming().endTime === Infinity),
      undefined,
      { polling: "raf", timeout: 5_000 },
    )
    .then(() => true)
    .catch(() => false);
  if (!settled) process.stderr.write(`[e2e] ${page.url()} still loading after 5 s; screenshot taken as it is\n`);
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** Waits for the global setup's client build to end (its marker file: "ok", or why it failed). */
async function clientBuilt(marker: string): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (!existsSync(marker)) {
    if (Date.now() > deadline) throw new Error("The client build of the global setup did not end within 5 minutes.");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const outcome = readFileSync(marker, "utf8");
  if (outcome !== "ok") throw new Error(`The global setup could not build the client: ${outcome}`);
}

export type DemoRole = "COORDINATOR" | "ANALYST" | "VIEWER" | "ADMIN";

export interface E2eEnvironment {
  db: Database;
  server: TestServer;
  browser: Browser;
  baseUrl: string;
  /**
   * A fresh browser context (own storage) at laptop width, signed in as the demo coordinator
   * unless `signedIn: false`.
   */
  newPage(options?: {
    width?: number;
    height?: number;
    signedIn?: boolean;
    role?: DemoRole;
  }): Promise<{ page: Page; context: BrowserContext }>;
  /** Signs a browser context in as a demo user, as the login page does: the session cookie and the tab's hint. */
  signIn(context: BrowserContext, role?: DemoRole): Promise<void>;
  /** Signs in through the API as a demo user and returns the token. */
  tokenFor(role: DemoRole): Promise<string>;
  /**
   * Saves <name>.png (docs/screenshots/ with UPDATE_SCREENSHOTS=1, else a temporary folder): the window
   * (1440×900), or the whole page with `fullPage`.
   */
  screenshot(page: Page, name: string, options?: { fullPage?: boolean }): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The real product for browser tests: the run's Neo4j with the demo data, the real HTTP server
 * serving the built client (built first when missing or stale), and headless chromium.
 */
export async function startE2eEnvironment(): Promise<E2eEnvironment> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`No chromium at ${chromiumPath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  // The run's global setup started the build when client/dist was missing or stale (tests/global-setup.ts
  // startClientBuild); else (the client changed since) it is built here, beside the demo data (mostly Neo4j's work).
  // The server serves client/dist only if it is there when the app is made, so the build ends first.
  const marker = inject("clientBuildMarker");
  const built = marker ? clientBuilt(marker) : clientIsStale() ? buildClientInBackground() : Promise.resolve();
  // Not left unhandled while the data loads; awaited (and thrown) below.
  built.catch(() => {});

  const db = await connectTestDatabase();
  await resetGraph(db);
  await loadDemoData(db);
  await ensureDemoUsers(db, "test");
  await built;
  const server = await startTestServer(db);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // Playwright gives every launch a fresh temporary --user-data-dir of its own.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const baseUrl = server.http.url.replace(/\/$/, "");
  const screenshotDir = screenshotFolder();
  mkdirSync(screenshotDir, { recursive: true });

  const tokens = new Map<string, string>();
  async function tokenFor(role: DemoRole): Promise<string> {
    const known = tokens.get(role);
    if (known) return known;
    const user = demoUsers.find((u) => u.roles.includes(role));
    if (!user) throw new Error(`No demo user with role ${role}.`);
    const answer = await server.graphql<{ login: { token: string } }>(
      "mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }",
      { email: user.email, password: user.password },
    );
    const token = answer.data?.login.token;
    if (!token) throw new Error(`Demo sign-in failed: ${JSON.stringify(answer.errors)}`);
    tokens.set(role, token);
    return token;
  }

  async function signIn(context: BrowserContext, role: DemoRole = "COORDINATOR"): Promise<void> {
    // What login does in a browser (server/platform/auth/session-cookie.ts, client/src/app/authStore.ts): the token in
    // an HttpOnly cookie for /graphql, and "signed in until" in localStorage, which every tab of the context shares.
    const token = await tokenFor(role);
    const expires = Math.floor(Date.now() / 1000) + 3600;
    await context.addCookies([
      { name: SESSION_COOKIE, value: token, url: `${baseUrl}/graphql`, httpOnly: true, sameSite: "Strict", expires },
    ]);
    const until = new Date(expires * 1000).toISOString();
    // Once per context (the first page load): a later sign-out must stay signed out.
    await context.addInitScript((value: string) => {
      if (localStorage.getItem("e2e.signed-in")) return;
      localStorage.setItem("e2e.signed-in", "1");
      localStorage.setItem("werkplaats.session", value);
    }, until);
  }

  return {
    db,
    server,
    browser,
    baseUrl,
    tokenFor,
    signIn,
    async newPage(options = {}) {
      const context = await browser.newContext({
        viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
        baseURL: baseUrl,
        locale: "nl-NL",
        timezoneId: "Europe/Amsterdam",
      });
      context.setDefaultTimeout(15_000);
      if (options.signedIn !== false) await signIn(context, options.role ?? "COORDINATOR");
      const page = await context.newPage();
      return { page, context };
    },
    async screenshot(page, name, options = {}) {
      const file = path.join(screenshotDir, `${name}.png`);
      await settleForScreenshot(page);
      await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
      return file;
    },
    async stop() {
      await browser.close().catch(() => {});
      await server.http.close().catch(() => {});
      await db.close().catch(() => {});
    },
  };
}
