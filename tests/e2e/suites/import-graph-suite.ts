import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { E2eEnvironment } from "../support/start-e2e-environment.js";

interface DrawnNode {
  id: string;
  kind: string;
  role: string;
  color: string;
  shape: string;
  visible: boolean;
}

/**
 * Issue #17 part 2 (spreadsheets in the client) and part 8 (a readable graph): a CSV with one broken row is
 * uploaded, the dry run reports that row and field, then it is imported and checked with Cypher; the explorer
 * draws each person role in its own colour and shape with the legend, and folding an institution reduces the
 * nodes drawn. Screenshots (desktop and phone) only with UPDATE_SCREENSHOTS=1.
 */
export function importGraphSuite(getEnv: () => E2eEnvironment): void {
  let env: E2eEnvironment;
  const shots = process.env.UPDATE_SCREENSHOTS === "1";
  beforeAll(() => {
    env = getEnv();
  });

  /** The nodes as Cytoscape draws them (its instance hangs on the container), with their computed style. */
  async function drawnNodes(page: Page): Promise<DrawnNode[]> {
    return page.evaluate(() => {
      interface CyNode {
        id(): string;
        data(key: string): unknown;
        style(key: string): string;
        visible(): boolean;
      }
      const container = document.querySelector("[data-testid='contact-graph']") as
        (Element & { _cyreg?: { cy?: { nodes(): CyNode[] } } }) | null;
      const cy = container?._cyreg?.cy;
      if (!cy) return [];
      return cy.nodes().map((n) => ({
        id: n.id(),
        kind: String(n.data("kind")),
        role: String(n.data("role") ?? ""),
        color: n.style("background-color"),
        shape: n.style("shape"),
        visible: n.visible(),
      }));
    });
  }

  /** The page as it is at 1440×900 and at 390×844 (the graph fitted again after the resize), then back. */
  async function shootBoth(page: Page, name: string): Promise<void> {
    const fit = () =>
      page.evaluate(() => {
        const container = document.querySelector("[data-testid='contact-graph']") as Element & {
          _cyreg?: { cy?: { resize(): void; fit(eles?: unknown, padding?: number): void } };
        };
        container._cyreg?.cy?.resize();
        container._cyreg?.cy?.fit(undefined, 20);
      });
    await fit();
    await env.screenshot(page, name);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    await fit();
    await env.screenshot(page, `phone-${name}`, { fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.waitForTimeout(500);
    await fit();
  }

  describe("spreadsheets in the client", () => {
    it("uploads a CSV with one broken row: the dry run reports its line and field, then the good rows are imported", async () => {
      const p = `e2e-imp-${randomBytes(3).toString("hex")}-`;
      const people = [
        "id,name,email,jobTitle",
        `${p}anna,Anna Upload,anna@upload.example,Docent`,
        `${p}ben,Ben Upload,not-an-e-mail,Coördinator`,
        `${p}cor,Cor Upload,,Docent`,
      ].join("\n");
      const interactions = ["id,by,with,date,channel,result", `${p}x1,${p}anna,${p}cor,2025-05-12,EMAIL,REPLIED`].join("\n");
      const { page, context } = await env.newPage();
      await page.goto("/import");
      await page.getByRole("heading", { name: "Spreadsheets importeren", level: 1 }).waitFor();
      await page.getByLabel("CSV-bestanden kiezen").setInputFiles([
        { name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(people) },
        { name: "interactions.csv", mimeType: "text/csv", buffer: Buffer.from(interactions) },
      ]);
      await page.getByRole("heading", { name: "Controle (nog niets opgeslagen)" }).waitFor();
      const problems = page.getByRole("table", { name: "Afgekeurde rijen" });
      const rows = await problems.locator("tbody tr").allTextContents();
      expect(rows).toHaveLength(1);
      const cells = await problems.locator("tbody tr").first().locator("td").allTextContents();
      expect(cells.slice(0, 4)).toEqual(["people.csv", "3", "email", "INVALID_VALUE"]);
      // The reason in the user's language, from the server's reason key and the value as typed (#17: no English left).
      expect(cells[4]).toBe("„not-an-e-mail” is geen e-mailadres.");
      const reason = problems.locator("tbody tr").first().locator("[data-reason]");
      expect(await reason.getAttribute("data-reason")).toBe("NOT_AN_EMAIL");
      expect(await reason.getAttribute("title")).toContain('"not-an-e-mail" is not an e-mail address');
      await page.getByRole("button", { name: "EN", exact: true }).click();
      await page.getByRole("table", { name: "Rejected rows" }).waitFor();
      expect(await page.getByRole("table", { name: "Rejected rows" }).locator("tbody td").nth(4).textContent()).toBe(
        '"not-an-e-mail" is not an e-mail address.',
      );
      await page.getByRole("button", { name: "NL", exact: true }).click();
      await problems.waitFor();
      // Nothing written by the dry run.
      const before = await env.db.read("MATCH (n) WHERE n.id STARTS WITH $p RETURN count(n) AS n", { p });
      expect(Number(before[0]?.n)).toBe(0);
      if (shots) await env.screenshot(page, "desktop-import-report", { fullPage: true });

      await page.getByRole("button", { name: "Importeren", exact: true }).click();
      await page.getByRole("heading", { name: "Geïmporteerd" }).waitFor();
      const written = await env.db.read(
        `MATCH (a:Person {id: $p + 'anna'}), (c:Person {id: $p + 'cor'})
         OPTIONAL MATCH (a)-[k:KNOWS]-(c)
         RETURN a.email AS email, exists { (a)-[:INITIATED]->(:Interaction {id: $p + 'x1'})-[:WITH]->(c) } AS logged,
                k.strength AS strength, exists { (:Person {id: $p + 'ben'}) } AS ben`,
        { p },
      );
      expect(written).toHaveLength(1);
      expect(written[0]).toMatchObject({ email: "anna@upload.example", logged: true, ben: false });
      expect(Number(written[0]?.strength)).toBeGreaterThan(0);
      await context.close();

      // On a phone each rejected row is a small card: every cell, the reason too, lies within the screen's width,
      // with its column's name before it, so nobody scrolls sideways to read why a row was refused.
      const phone = await env.newPage({ width: 390, height: 844 });
      await phone.page.goto("/import");
      await phone.page
        .getByLabel("CSV-bestanden kiezen")
        .setInputFiles([{ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(people) }]);
      await phone.page.getByRole("heading", { name: "Controle (nog niets opgeslagen)" }).waitFor();
      const phoneCells = phone.page.getByTestId("import-problems").locator("tbody td");
      expect(await phoneCells.count()).toBeGreaterThanOrEqual(5);
      for (const cell of await phoneCells.all()) {
        const box = await cell.boundingBox();
        expect(box, await cell.innerText()).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      }
      const phoneReason = phoneCells.nth(4);
      expect(await phoneReason.evaluate((td) => getComputedStyle(td, "::before").content)).toBe('"Wat is er mis"');
      if (shots) await env.screenshot(phone.page, "phone-import-report", { fullPage: true });
      await phone.context.close();
      await env.db.write("MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n", { p });
    }, 180_000);
  });

  describe("a readable graph", () => {
    it("draws each role in its own colour and shape with a complete legend, and folds an institution into one node", async () => {
      // An institution with a dean or board member and programmes with coordinators and teachers: many roles at once.
      const [row] = await env.db.read(
        `MATCH (i:Institution)<-[:OFFERED_BY]-(p:Programme)<-[:COORDINATES]-(:Person)
         WHERE EXISTS { (i)<-[:DEAN_OF|BOARD_MEMBER_OF]-(:Person) } AND EXISTS { (p)<-[:PART_OF]-(:Course)<-[:TEACHES]-(:Person) }
         WITH i, p ORDER BY i.id, p.id
         RETURN i.id AS institution, i.name AS name, collect(p.name)[0] AS programme`,
      );
      const { institution, name, programme } = row as { institution: string; name: string; programme: string };
      const { page, context } = await env.newPage();
      await page.goto(`/explorer?focus=institution:${institution}`);
      await expect.poll(async () => (await drawnNodes(page)).length, { timeout: 20_000 }).toBeGreaterThan(2);
      // Unfold the programme (its coordinators, directors and courses), then one course (its teachers).
      await page.locator(".node-list summary").click();
      await page
        .locator(".node-list")
        .getByRole("button", { name: new RegExp(`^${programme.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) })
        .first()
        .click();
      await expect.poll(async () => (await drawnNodes(page)).some((n) => n.kind === "course"), { timeout: 20_000 }).toBe(true);
      const course = (await drawnNodes(page)).find((n) => n.kind === "course");
      await page.evaluate((id) => {
        const container = document.querySelector("[data-testid='contact-graph']") as Element & {
          _cyreg?: { cy?: { getElementById(id: string): { emit(event: string): void } } };
        };
        container._cyreg?.cy?.getElementById(id).emit("tap");
      }, course?.id ?? "");
      await expect.poll(async () => (await drawnNodes(page)).some((n) => n.role === "teacher"), { timeout: 20_000 }).toBe(true);

      const people = (await drawnNodes(page)).filter((n) => n.kind === "person" || n.kind === "coordinator");
      const colourOf = new Map<string, Set<string>>();
      for (const n of people) colourOf.set(n.role, (colourOf.get(n.role) ?? new Set()).add(`${n.color} ${n.shape}`));
      // At least teachers, programme coordinators and a dean or board member; each role one look, no two roles alike.
      expect(colourOf.size).toBeGreaterThanOrEqual(3);
      for (const [role, looks] of colourOf) expect([role, looks.size]).toEqual([role, 1]);
      expect(new Set([...colourOf.values()].map((s) => [...s][0])).size).toBe(colourOf.size);
      // The legend names every role with the colour the graph uses, and the workspace symbol.
      const legend = page.getByTestId("graph-legend");
      for (const role of ["workspaceCoordinator", "board", "dean", "director", "coordinator", "teacher", "partner"])
        expect(await legend.locator(`li[data-role='${role}']`).count(), role).toBe(1);
      const legendColours = await legend
        .locator("li")
        .evaluateAll((items) =>
          Object.fromEntries(items.map((li) => [li.getAttribute("data-role"), li.getAttribute("data-color")])),
        );
      const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(",")})`;
      for (const n of people) expect(n.color.replace(/\s/g, ""), n.role).toBe(rgb(String(legendColours[n.role])));
      await page.getByRole("list", { name: "Organisaties en lijnen" }).getByText("werkplaats", { exact: true }).waitFor();
      if (shots) await shootBoth(page, "explorer-15-nodes");

      // Folding the institution: one node with its count instead of everything inside its box.
      const visibleBefore = (await drawnNodes(page)).filter((n) => n.kind !== "group").length;
      await page.getByRole("button", { name: `${name} inklappen of uitklappen` }).click();
      await expect.poll(async () => (await drawnNodes(page)).some((n) => n.kind === "collapsed"), { timeout: 20_000 }).toBe(true);
      const folded = await drawnNodes(page);
      expect(folded.filter((n) => n.kind !== "group").length).toBeLessThan(visibleBefore);
      expect(folded.filter((n) => n.kind === "collapsed")).toHaveLength(1);
      // And back.
      await page.getByRole("button", { name: `${name} inklappen of uitklappen` }).click();
      await expect.poll(async () => (await drawnNodes(page)).filter((n) => n.kind !== "group").length).toBe(visibleBefore);

      if (shots) {
        // About 60 nodes: unfold people, then programmes and courses (a tap on a node loads its neighbours) until the
        // graph holds that many.
        const tapped = new Set<string>([course?.id ?? ""]);
        const order = ["person", "coordinator", "programme", "course", "institution"];
        for (let round = 0; round < 30; round += 1) {
          const drawn = await drawnNodes(page);
          if (drawn.length >= 58) break;
          const next = drawn
            .filter((n) => order.includes(n.kind) && !tapped.has(n.id))
            .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))[0];
          if (!next) break;
          tapped.add(next.id);
          await page.evaluate((id) => {
            const container = document.querySelector("[data-testid='contact-graph']") as Element & {
              _cyreg?: { cy?: { getElementById(id: string): { emit(event: string): void } } };
            };
            container._cyreg?.cy?.getElementById(id).emit("tap");
          }, next.id);
          await expect
            .poll(async () => (await drawnNodes(page)).length, { timeout: 3_000 })
            .toBeGreaterThan(drawn.length)
            // A node whose neighbours are all drawn adds none: on to the next.
            .catch(() => undefined);
          await page.waitForTimeout(500);
        }
        // The node list's buttons scrolled the page: the graph from the top, as a visitor sees it.
        await page.evaluate(() => window.scrollTo(0, 0));
        await shootBoth(page, "explorer-60-nodes");
        // The same graph with the institution folded into one node (its count in the label): the rest stays drawn.
        await page.getByRole("button", { name: `${name} inklappen of uitklappen` }).click();
        await expect
          .poll(async () => (await drawnNodes(page)).some((n) => n.kind === "collapsed"), { timeout: 20_000 })
          .toBe(true);
        await page.waitForTimeout(1000);
        await page.evaluate(() => window.scrollTo(0, 0));
        await shootBoth(page, "explorer-folded");
      }
      await context.close();
    }, 240_000);
  });
}
