import { beforeAll, describe, expect, it } from "vitest";
import type { E2eEnvironment } from "../support/start-e2e-environment.js";

interface RankingEntry {
  id: string;
  name: string;
  level: number;
  threads: number;
  singlePointsOfFailure: number;
  activity: { sprints: number };
}

/** The embedding dashboard and its drill-down show exactly what the API computes. */
export function embeddingSuite(getEnv: () => E2eEnvironment): void {
  let env: E2eEnvironment;
  beforeAll(async () => {
    env = getEnv();
    // Store the figures once, before any page asks: the ranking reads stored figures.
    const refreshed = await env.server.graphql("mutation { refreshEmbedding { programmes institutions } }");
    expect(refreshed.errors).toBeUndefined();
  });

  async function apiRanking(kind: "PROGRAMME" | "INSTITUTION"): Promise<RankingEntry[]> {
    const answer = await env.server.graphql<{ embeddingRanking: { entries: RankingEntry[] } }>(
      `query ($kind: EmbeddingKind) { embeddingRanking(kind: $kind, limit: 500) { entries { id name level threads singlePointsOfFailure activity { sprints } } } }`,
      { kind },
    );
    expect(answer.errors).toBeUndefined();
    return answer.data?.embeddingRanking.entries ?? [];
  }

  describe("the embedding dashboard", () => {
    it("shows every programme and institution with the same level, threads, single points of failure and sprints as the API", async () => {
      const { page, context } = await env.newPage();
      await page.goto("/embedding");
      for (const kind of ["PROGRAMME", "INSTITUTION"] as const) {
        if (kind === "INSTITUTION") await page.getByRole("button", { name: "Instellingen" }).click();
        const entries = await apiRanking(kind);
        expect(entries.length).toBeGreaterThan(0);
        const table = page.getByRole("table", { name: "Ranglijst" });
        await expect.poll(() => table.locator("tbody tr").count(), { timeout: 15_000 }).toBe(entries.length);
        // Every row, read as (name, level, threads, single points of failure, sprints), equals the API's entries.
        const shown = await table.locator("tbody tr").evaluateAll((rows) =>
          rows.map((row) => {
            const cell = (id: string) => row.querySelector(`[data-testid="${id}"]`)?.textContent ?? "";
            return [
              row.querySelector("a")?.textContent ?? "",
              cell("cell-level").split(" · ")[0],
              cell("cell-threads"),
              cell("cell-spof"),
              cell("cell-sprints"),
            ].join("|");
          }),
        );
        const expected = entries.map((e) => [e.name, e.level, e.threads, e.singlePointsOfFailure, e.activity.sprints].join("|"));
        expect(shown.sort()).toEqual(expected.sort());
        if (kind === "PROGRAMME") await env.screenshot(page, "embedding-dashboard");
      }
      // The table sorts by a header button, and says so to assistive technology.
      const threadsHeader = page.getByRole("columnheader", { name: /Draden/ });
      await threadsHeader.getByRole("button").click();
      expect(await threadsHeader.getAttribute("aria-sort")).toBe("descending");
      await context.close();
    });

    it("drills into a programme that hangs on one teacher: its rungs, threads, single point of failure and next best contacts", async () => {
      const fragile = (await apiRanking("PROGRAMME")).find((e) => e.threads === 1 && e.singlePointsOfFailure > 0);
      expect(fragile).toBeDefined();
      if (!fragile) return;
      const detail = await env.server.graphql<{
        embedding: {
          level: number;
          threads: number;
          singlePointsOfFailure: Array<{ person: { name: string } }>;
          rungs: Array<{ level: number; holds: boolean }>;
        };
        nextBestContacts: Array<{ person: { name: string } }>;
      }>(
        `query ($p: ID) { embedding(programme: $p) { level threads singlePointsOfFailure { person { name } } ... on ProgrammeEmbedding { rungs { level holds } } }
                          nextBestContacts(programme: $p, limit: 5) { person { name } } }`,
        { p: fragile.id },
      );
      expect(detail.errors).toBeUndefined();
      const api = detail.data;
      const { page, context } = await env.newPage();
      await page.goto("/embedding");
      await page.getByRole("link", { name: fragile.name, exact: true }).click();
      await page.getByRole("heading", { level: 1, name: fragile.name }).waitFor();
      expect(await page.getByTestId("detail-level").textContent()).toMatch(new RegExp(`^Niveau ${api?.embedding.level}:`));
      expect(await page.getByTestId("detail-threads").textContent()).toBe(`${api?.embedding.threads} draad`);
      const rungs = page.locator(".ladder li");
      expect(await rungs.count()).toBe(api?.embedding.rungs.length);
      expect(await page.locator(".ladder li.holds").count()).toBe(api?.embedding.rungs.filter((r) => r.holds).length);
      const spofs = page.getByTestId("spof").locator(".spof");
      expect(await spofs.count()).toBe(api?.embedding.singlePointsOfFailure.length);
      for (const s of api?.embedding.singlePointsOfFailure ?? [])
        expect(await page.getByTestId("spof").textContent()).toContain(s.person.name);
      const contacts = page.getByTestId("next-best-contacts").locator(".path-card");
      expect(await contacts.count()).toBe(api?.nextBestContacts.length);
      for (const [i, c] of (api?.nextBestContacts ?? []).entries())
        expect(await contacts.nth(i).textContent()).toContain(c.person.name);
      await page.getByTestId("contact-graph").waitFor();
      await env.screenshot(page, "embedding-programme");
      await context.close();
    });
  });

  describe("verdicts, the route up and what if someone leaves (#14)", () => {
    it("shows the server's verdict and reason on every row; no entry with one thread is green", async () => {
      const answer = await env.server.graphql<{
        embeddingRanking: {
          entries: Array<{ name: string; threads: number; colour: string; verdict: string; verdictReasonNl: string }>;
        };
      }>(`{ embeddingRanking(limit: 500) { entries { name threads colour verdict verdictReasonNl } } }`);
      expect(answer.errors).toBeUndefined();
      const entries = answer.data?.embeddingRanking.entries ?? [];
      expect(entries.filter((e) => e.threads === 1 && e.verdict === "GREEN")).toEqual([]);
      const { page, context } = await env.newPage();
      await page.goto("/embedding");
      const table = page.getByRole("table", { name: "Ranglijst" });
      await expect.poll(() => table.locator("tbody tr").count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const shown = await table
        .locator("tbody tr")
        .evaluateAll((rows) =>
          rows.map((row) => [
            row.querySelector("a")?.textContent ?? "",
            row.querySelector("[data-rag]")?.getAttribute("data-rag") ?? "",
            row.querySelector('[data-testid="cell-reason"]')?.textContent ?? "",
          ]),
        );
      for (const [name, rag, reason] of shown) {
        const api = entries.find((e) => e.name === name);
        expect([name, rag, reason]).toEqual([name, api?.colour, api?.verdictReasonNl]);
      }
      await context.close();
    });

    it("the route up for an institution names its dean with a path and a positive gain, on the page too", async () => {
      const institutions = await apiRanking("INSTITUTION");
      type Plan = {
        steps: Array<{
          rung: number;
          gainLevel: number;
          person: { name: string; roles: Array<{ kind: string }> } | null;
          path: { hops: number } | null;
        }>;
      };
      let chosen: { id: string; name: string; dean: string } | null = null;
      for (const i of institutions) {
        const answer = await env.server.graphql<{ escalationPlan: Plan }>(
          `query ($i: ID) { escalationPlan(institution: $i) { steps { rung gainLevel person { name roles { kind } } path { hops } } } }`,
          { i: i.id },
        );
        expect(answer.errors).toBeUndefined();
        const five = answer.data?.escalationPlan.steps.find((s) => s.rung === 5);
        if (five?.person?.roles.some((r) => r.kind === "DEAN") && five.path && five.gainLevel > 0) {
          chosen = { id: i.id, name: i.name, dean: five.person.name };
          break;
        }
      }
      expect(chosen).not.toBeNull();
      if (!chosen) return;
      const { page, context } = await env.newPage();
      await page.goto(`/embedding/institutions/${chosen.id}`);
      await page.getByRole("heading", { level: 1, name: chosen.name }).waitFor();
      const step = page.getByTestId("route-step-5");
      await step.waitFor({ timeout: 30_000 });
      expect(await step.textContent()).toContain(chosen.dean);
      expect(await page.getByTestId("verdict-reason").textContent()).not.toBe("");
      await step.scrollIntoViewIfNeeded();
      await env.screenshot(page, "embedding-route-up", { fullPage: true });
      await context.close();
    });

    it("what if a single point of failure leaves: the programme drops, in the explorer's person panel too", async () => {
      const fragile = (await apiRanking("PROGRAMME")).find((e) => e.threads === 1 && e.singlePointsOfFailure > 0);
      expect(fragile).toBeDefined();
      if (!fragile) return;
      const spof = await env.server.graphql<{
        embedding: { singlePointsOfFailure: Array<{ person: { id: string; name: string } }> };
      }>(`query ($p: ID) { embedding(programme: $p) { singlePointsOfFailure { person { id name } } } }`, { p: fragile.id });
      const person = spof.data?.embedding.singlePointsOfFailure[0]?.person;
      expect(person).toBeDefined();
      if (!person) return;
      const impact = await env.server.graphql<{
        impactIfGone: { drops: Array<{ id: string; name: string; threadsAfter: number }> };
      }>(`query ($x: ID!) { impactIfGone(person: $x) { drops { id name threadsAfter } } }`, { x: person.id });
      expect(impact.errors).toBeUndefined();
      const drop = impact.data?.impactIfGone.drops.find((d) => d.id === fragile.id);
      expect(drop?.threadsAfter).toBe(0);
      const { page, context } = await env.newPage();
      await page.goto(`/explorer?focus=person:${person.id}`);
      await page.getByTestId("impact-ask").click();
      const panel = page.getByTestId("impact-if-gone");
      await expect
        .poll(() => panel.getByTestId("impact-drop").count(), { timeout: 30_000 })
        .toBe(impact.data?.impactIfGone.drops.length);
      expect(await panel.textContent()).toContain(fragile.name);
      await env.screenshot(page, "explorer-impact-if-gone");
      await context.close();
    });
  });
}
