import { beforeAll, describe, expect, it } from "vitest";
import type { E2eEnvironment } from "../support/start-e2e-environment.js";

interface ApiPath {
  score: number;
  hops: number;
  explanationNl: string;
  steps: Array<{ person: { id: string; name: string } }>;
}

/** The contact-graph explorer: search, expand, warm paths to a person and to an organisation. */
export function explorerSuite(getEnv: () => E2eEnvironment): void {
  let env: E2eEnvironment;
  beforeAll(() => {
    env = getEnv();
  });

  /** The workspace's warm threshold: the explorer's default minimum strength (#14). */
  async function warmThreshold(): Promise<number> {
    const answer = await env.server.graphql<{ workspaces: Array<{ warmThreshold: number | null }> }>(
      "{ workspaces { warmThreshold } }",
    );
    return answer.data?.workspaces[0]?.warmThreshold ?? 0.5;
  }

  async function apiWarmPaths(to: string): Promise<ApiPath[]> {
    const answer = await env.server.graphql<{ warmPaths: ApiPath[] }>(
      "query ($to: ID!, $minStrength: Float!) { warmPaths(to: $to, k: 3, maxHops: 4, minStrength: $minStrength) { score hops explanationNl steps { person { id name } } } }",
      { to, minStrength: await warmThreshold() },
    );
    expect(answer.errors).toBeUndefined();
    return answer.data?.warmPaths ?? [];
  }

  /** A teacher with a unique name whom the coordinators reach in more than one hop: the path has something to show. */
  async function teacherWithPath(): Promise<{ id: string; name: string; paths: ApiPath[] }> {
    const rows = await env.db.read(
      `MATCH (p:Person)-[:TEACHES]->(:Course)
       WITH DISTINCT p
       WHERE NOT EXISTS { MATCH (q:Person) WHERE q.name = p.name AND q <> p }
       RETURN p.id AS id, p.name AS name ORDER BY p.id LIMIT 40`,
    );
    for (const row of rows) {
      const paths = await apiWarmPaths(String(row.id));
      if (paths.length >= 2 && (paths[0]?.hops ?? 0) >= 2) return { id: String(row.id), name: String(row.name), paths };
    }
    throw new Error("The demo data has no teacher reached in two or more hops.");
  }

  describe("the contact-graph explorer", () => {
    it("finds a teacher, draws the neighbourhood, and shows the API's warm paths to them, highlighted", async () => {
      const teacher = await teacherWithPath();
      const { page, context } = await env.newPage();
      await page.goto("/explorer");
      await page.getByLabel("Zoek een persoon of organisatie").fill(teacher.name.toLowerCase());
      await page.getByRole("button", { name: "Zoeken", exact: true }).click();
      await page.getByRole("button", { name: new RegExp(`^${teacher.name} · persoon`) }).click();
      await page.getByRole("heading", { level: 2, name: teacher.name }).waitFor();
      // Its neighbours are drawn: the node list counts more than the teacher alone.
      await expect
        .poll(async () => Number(/\((\d+)\)/.exec((await page.locator(".node-list summary").textContent()) ?? "")?.[1] ?? 0), {
          timeout: 15_000,
        })
        .toBeGreaterThan(1);

      // Each coordinator's own tie to the teacher is on the person's panel.
      await expect.poll(() => page.getByTestId("coordinator-tie").count(), { timeout: 15_000 }).toBeGreaterThan(0);

      await page.getByRole("button", { name: "Warme paden hierheen" }).click();
      // The minimum strength starts at the workspace's warm threshold: the explorer and the embedding mean the same by warm.
      const threshold = await warmThreshold();
      expect(await page.getByTestId("warm-paths").getByLabel("Min. sterkte").inputValue()).toBe(
        String(threshold).replace(".", ","),
      );
      const cards = page.getByTestId("warm-path");
      await expect.poll(() => cards.count(), { timeout: 15_000 }).toBe(teacher.paths.length);
      for (const [i, path] of teacher.paths.entries()) {
        const text = (await cards.nth(i).textContent()) ?? "";
        expect(text).toContain(path.explanationNl);
        expect(text).toContain(`score ${path.score.toFixed(2).replace(".", ",")}`);
      }
      // The best path is the highlighted one, and its people were added to the graph.
      expect(await cards.first().getAttribute("aria-current")).toBe("true");
      await page.locator(".node-list summary").click();
      for (const step of teacher.paths[0]?.steps ?? []) {
        await page
          .locator(".node-list")
          .getByRole("button", { name: new RegExp(`^${step.person.name}`) })
          .first()
          .waitFor();
      }
      // Another path can be shown instead.
      await cards.nth(1).getByRole("button", { name: "Toon in graaf" }).click();
      expect(await cards.nth(1).getAttribute("aria-current")).toBe("true");
      await cards.first().getByRole("button", { name: "Toon in graaf" }).click();
      await env.screenshot(page, "explorer-warm-paths");
      await context.close();
    });

    it("shows warm paths to an organisation, and an empty answer as a notice, not an error", async () => {
      const rows = await env.db.read(
        `MATCH (p:Programme) WHERE NOT EXISTS { MATCH (q:Programme) WHERE q.name = p.name AND q <> p } RETURN p.id AS id, p.name AS name ORDER BY p.id`,
      );
      let chosen: { id: string; name: string; paths: ApiPath[] } | undefined;
      for (const row of rows) {
        const paths = await apiWarmPaths(String(row.id));
        if (paths.length > 0) {
          chosen = { id: String(row.id), name: String(row.name), paths };
          break;
        }
      }
      expect(chosen).toBeDefined();
      if (!chosen) return;
      const { page, context } = await env.newPage();
      await page.goto(`/explorer?focus=programme:${chosen.id}`);
      await page.getByRole("heading", { level: 2, name: chosen.name }).waitFor();
      await page.getByRole("button", { name: "Warme paden hierheen" }).click();
      const cards = page.getByTestId("warm-path");
      await expect.poll(() => cards.count(), { timeout: 15_000 }).toBe(chosen.paths.length);
      expect(await cards.first().textContent()).toContain(chosen.paths[0]?.explanationNl ?? "—");

      // One hop with only very strong ties: the API finds nothing, the page says so.
      const panel = page.getByTestId("warm-paths");
      await panel.getByLabel("Max. stappen").selectOption("1");
      await panel.getByLabel("Min. sterkte").fill("0,99");
      await panel.getByRole("button", { name: "Toepassen" }).click();
      const strict = await env.server.graphql<{ warmPaths: ApiPath[] }>(
        `{ warmPaths(to: "${chosen.id}", k: 3, maxHops: 1, minStrength: 0.99) { score } }`,
      );
      await expect.poll(() => cards.count(), { timeout: 15_000 }).toBe(strict.data?.warmPaths.length ?? -1);
      if ((strict.data?.warmPaths.length ?? 0) === 0) await panel.getByText("Geen warm pad binnen deze grenzen.").waitFor();
      // A strength outside [0, 1] is refused next to the field.
      await panel.getByLabel("Min. sterkte").fill("2");
      await panel.getByRole("button", { name: "Toepassen" }).click();
      await panel.getByText("Een sterkte ligt tussen 0 en 1.").waitFor();
      await context.close();
    });

    it("expands a node chosen from the node list (the keyboard route into the graph)", async () => {
      const { page, context } = await env.newPage();
      await page.goto("/explorer");
      const summary = page.locator(".node-list summary");
      await expect.poll(async () => (await summary.textContent()) ?? "", { timeout: 15_000 }).toMatch(/\(4\)/);
      await summary.click();
      const coordinator = await env.db.read(
        "MATCH (p:Person)-[:COORDINATOR_OF]->(:Workspace) RETURN p.name AS name ORDER BY p.name LIMIT 1",
      );
      const name = String(coordinator[0]?.name);
      await page
        .locator(".node-list")
        .getByRole("button", { name: new RegExp(`^${name}`) })
        .focus();
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 2, name }).waitFor();
      const ties = await env.db.read("MATCH (:Person {name: $name})-[:KNOWS]-(o:Person) RETURN count(DISTINCT o) AS n", { name });
      // The coordinator's ties (at most 25, the strongest) are now drawn.
      await expect
        .poll(async () => Number(/\((\d+)\)/.exec((await summary.textContent()) ?? "")?.[1] ?? 0), { timeout: 15_000 })
        .toBeGreaterThanOrEqual(4 + Math.min(25, Number(ties[0]?.n ?? 0)) - 3);
      await context.close();
    });
  });
}
