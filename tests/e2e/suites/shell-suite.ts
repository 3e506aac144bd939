import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { E2eEnvironment } from "../support/start-e2e-environment.js";

/** The shell: locales, language switch, lost connection, not found, sign-in. */
export function shellSuite(getEnv: () => E2eEnvironment): void {
  let env: E2eEnvironment;
  beforeAll(() => {
    env = getEnv();
  });

  /** Every key path of a nested locale object, e.g. "shell.nav.board". */
  function keyPaths(value: unknown, prefix = ""): string[] {
    if (typeof value !== "object" || value === null) return [prefix];
    return Object.entries(value).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
  }

  describe("the app shell", () => {
    it("has the same keys in the Dutch and the English locale, none empty", () => {
      const nl = JSON.parse(readFileSync("client/src/app/locales/nl.json", "utf8")) as unknown;
      const en = JSON.parse(readFileSync("client/src/app/locales/en.json", "utf8")) as unknown;
      expect(keyPaths(en).sort()).toEqual(keyPaths(nl).sort());
      const empty = (v: unknown): boolean => (typeof v === "string" ? v.trim() === "" : Object.values(v as object).some(empty));
      expect(empty(nl)).toBe(false);
      expect(empty(en)).toBe(false);
    });

    it("speaks Dutch by default, switches to English, and remembers the choice", async () => {
      const { page, context } = await env.newPage();
      await page.goto("/explorer");
      const nav = page.getByRole("navigation", { name: "Hoofdmenu" });
      await expect.poll(() => nav.getByRole("link", { name: "Casussen" }).count(), { timeout: 15_000 }).toBe(1);
      expect(await page.getAttribute("html", "lang")).toBe("nl");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Netwerkverkenner");

      await page.getByRole("button", { name: "EN", exact: true }).click();
      await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Cases" }).waitFor();
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Network explorer");
      expect(await page.getAttribute("html", "lang")).toBe("en");
      expect(await page.getByRole("button", { name: "EN", exact: true }).getAttribute("aria-pressed")).toBe("true");
      await env.screenshot(page, "language-english");

      await page.reload();
      await page.getByRole("heading", { name: "Network explorer" }).waitFor();
      await page.getByRole("button", { name: "NL", exact: true }).click();
      await page.getByRole("heading", { name: "Netwerkverkenner" }).waitFor();
      await context.close();
    });

    it("shows a clear banner when the API cannot be reached, and drops it when it answers again", async () => {
      const { page, context } = await env.newPage();
      await page.goto("/explorer");
      await page.getByRole("heading", { name: "Netwerkverkenner" }).waitFor();
      // Cut the line: every API request now fails at the network level, as with a stopped server.
      await context.route("**/graphql", (route) => route.abort("connectionrefused"));
      await context.route("**/health", (route) => route.abort("connectionrefused"));
      await page.getByLabel("Zoek een persoon of organisatie").fill("Jan");
      await page.getByRole("button", { name: "Zoeken", exact: true }).click();
      const banner = page.getByTestId("connection-banner");
      await banner.waitFor();
      expect(await banner.textContent()).toContain("Geen verbinding met de server");
      // The page itself stays: heading and navigation are still there.
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Netwerkverkenner");
      await env.screenshot(page, "connection-lost");

      await context.unroute("**/graphql");
      await context.unroute("**/health");
      await banner.getByRole("button").click();
      await banner.waitFor({ state: "detached" });
      await context.close();
    });

    it("lets the browser keep the hashed scripts and styles for a year, and asks for the page itself each time", async () => {
      const shell = await fetch(`${env.baseUrl}/cases`);
      expect(shell.status).toBe(200);
      expect(shell.headers.get("cache-control") ?? "").not.toContain("immutable");
      const html = await shell.text();
      // Every file index.html names under /assets/ (Vite's content-hashed names: a new build names new files).
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
      expect(assets.some((a) => a.endsWith(".js"))).toBe(true);
      expect(assets.some((a) => a.endsWith(".css"))).toBe(true);
      for (const asset of assets) {
        const answer = await fetch(`${env.baseUrl}${asset}`);
        expect(answer.status, asset).toBe(200);
        const cache = answer.headers.get("cache-control") ?? "";
        expect(cache, asset).toContain("immutable");
        expect(cache, asset).toContain("max-age=31536000");
        await answer.body?.cancel();
      }
      // A file that is not there is not kept: the shell answers, as for any client route.
      const missing = await fetch(`${env.baseUrl}/assets/no-such-file-0000.js`);
      expect(missing.headers.get("cache-control") ?? "").not.toContain("immutable");
      await missing.body?.cancel();
    });

    it("shows a not-found page for an unknown address", async () => {
      const { page, context } = await env.newPage();
      await page.goto("/no-such-page");
      await page.getByRole("heading", { name: "Pagina niet gevonden" }).waitFor();
      if (process.env.UPDATE_SCREENSHOTS === "1") {
        await env.screenshot(page, "desktop-not-found");
        await page.setViewportSize({ width: 390, height: 844 });
        await env.screenshot(page, "phone-not-found");
      }
      await context.close();
    });
  });

  describe("signing in", () => {
    it("shows only the login page to an anonymous visitor, refuses a wrong password, and signs in a coordinator", async () => {
      const { page, context } = await env.newPage({ signedIn: false });
      await page.goto("/cases");
      await page.getByRole("button", { name: "Inloggen" }).waitFor();
      expect(await page.getByRole("navigation").count()).toBe(0);
      await env.screenshot(page, "login");
      if (process.env.UPDATE_SCREENSHOTS === "1") {
        await page.setViewportSize({ width: 390, height: 844 });
        await env.screenshot(page, "phone-login");
        await page.setViewportSize({ width: 1440, height: 900 });
      }

      await page.getByLabel("E-mailadres").fill("coordinator@werkplaats.example");
      await page.getByLabel("Wachtwoord").fill("wrong-password");
      await page.getByRole("button", { name: "Inloggen" }).click();
      await page.getByText("E-mailadres of wachtwoord klopt niet.").waitFor();

      await page.getByLabel("Wachtwoord").fill("demo-coordinator-werkplaats");
      await page.getByRole("button", { name: "Inloggen" }).click();
      await page.getByRole("navigation", { name: "Hoofdmenu" }).waitFor();
      await page.getByText("Demo Coordinator").waitFor();

      await page.getByRole("button", { name: "Uitloggen", exact: true }).click();
      await page.getByRole("button", { name: "Inloggen" }).waitFor();
      await context.close();
    });
  });
}
