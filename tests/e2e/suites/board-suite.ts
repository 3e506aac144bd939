import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { E2eEnvironment } from "../support/start-e2e-environment.js";

/**
 * Issue #17 part 7, the board as people expect: a card dragged with the mouse and moved with the keyboard (each step
 * checked in the graph), a drop on a column the server does not allow refused with nothing written, "my cases" and a
 * saved filter that survive a reload, titles that wrap between words, and the mapping table paged by programme.
 */
export function boardSuite(getEnv: () => E2eEnvironment): void {
  let env: E2eEnvironment;
  beforeAll(() => {
    env = getEnv();
  });

  /** A complete case (qualifyCase accepts it) taken in through the API, handled by the demo coordinator. */
  async function intake(title: string): Promise<string> {
    const answer = await env.server.graphql<{ intakeCase: { caseId: string } }>(
      `mutation ($title: String!) { intakeCase(input: {
         sme: { name: "Sleeptest BV", city: "Haarlem" }, title: $title, coordinator: "person-fleur-bakker",
         topics: ["web shop"], wantedLevels: [HBO], effort: SPRINT, earliestStart: "2027-02-01", deadline: "2027-06-30" }) { caseId } }`,
      { title },
    );
    expect(answer.errors).toBeUndefined();
    return answer.data?.intakeCase.caseId ?? "";
  }
  async function statusOf(id: string): Promise<string> {
    const rows = await env.db.read("MATCH (k:Case {id: $id}) RETURN k.status AS status", { id });
    return String(rows[0]?.status);
  }
  async function centre(locator: Locator): Promise<{ x: number; y: number }> {
    const box = await locator.boundingBox();
    if (!box) throw new Error("Not on screen.");
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }
  /** Drags with the mouse in small steps (the pointer sensor starts after 6 px), from `from` to `to`. */
  async function drag(page: Page, from: Locator, to: Locator): Promise<void> {
    const a = await centre(from);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(a.x + 10, a.y + 5, { steps: 3 });
    await to.scrollIntoViewIfNeeded();
    const b = await centre(to);
    await page.mouse.move(b.x, Math.min(b.y, a.y + 40), { steps: 12 });
    await page.mouse.up();
  }

  describe("drag and drop on the board", () => {
    it("qualifies a card dragged with the mouse onto the next column, and refuses a column the server does not allow", async () => {
      const title = `Sleepproef muis ${Date.now()}`;
      const id = await intake(title);
      const { page, context } = await env.newPage();
      await page.goto(`/cases?search=${encodeURIComponent("Sleepproef muis")}`);
      const card = page.getByTestId(`case-card-${id}`);
      await card.waitFor();

      // A column none of the card's steps lead into: refused with the reason, nothing written.
      await drag(page, card.locator(".card-sme"), page.getByTestId("column-MATCHED"));
      const refusal = page.getByTestId("board-refusal");
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain("kan niet van Intake naar Gematcht");
      expect(await statusOf(id)).toBe("INTAKE");

      // The next column: the same step as the "Kwalificeren" button (qualifyCase), then the card is in QUALIFIED.
      await drag(page, card.locator(".card-sme"), page.getByTestId("column-QUALIFIED"));
      await page.getByTestId("column-QUALIFIED").getByTestId(`case-card-${id}`).waitFor();
      expect(await statusOf(id)).toBe("QUALIFIED");
      const events = await env.db.read(
        "MATCH (:Case {id: $id})-[:HAD_EVENT]->(e:CaseEvent {to: 'QUALIFIED'}) RETURN e.by AS by",
        { id },
      );
      expect(events).toEqual([{ by: "person-fleur-bakker" }]);
      await context.close();
    });

    it("moves a card with the keyboard (space, arrows, space) into the close dialog, announced to screen readers", async () => {
      const title = `Sleepproef toetsenbord ${Date.now()}`;
      const id = await intake(title);
      const { page, context } = await env.newPage();
      await page.goto(`/cases?search=${encodeURIComponent("Sleepproef toetsenbord")}`);
      const handle = page.getByRole("button", { name: `${title} verplaatsen`, exact: true });
      await handle.focus();
      await page.keyboard.press("Space");
      const live = page.locator("[id^='DndLiveRegion']");
      await expect.poll(() => live.textContent()).toContain(`‘${title}’ opgepakt, in Intake.`);
      // The columns that would take the card say so while it is held.
      expect(await page.getByTestId("column-MATCHED").getAttribute("data-drop")).toBe("refused");
      expect(await page.getByTestId("column-QUALIFIED").getAttribute("data-drop")).toBe("ok");
      // Intake → … → Gesloten, the last column: each arrow is one column (an arrow that first scrolls the board's frame
      // to bring the next column into view may take one more press).
      for (let i = 0; i < 10 && !((await live.textContent()) ?? "").includes("Boven Gesloten"); i++) {
        await page.keyboard.press("ArrowRight");
        await page.waitForTimeout(150);
      }
      await expect.poll(() => live.textContent()).toContain("Boven Gesloten: hier mag de kaart heen.");
      await page.keyboard.press("Space");
      // The same dialog as the "Sluiten…" button, with its rules: a reason is needed.
      const dialog = page.getByRole("dialog");
      await dialog.waitFor();
      expect(await statusOf(id)).toBe("INTAKE");
      await dialog.getByLabel("Reden").selectOption("WITHDRAWN");
      await dialog.getByRole("button", { name: "Sluiten", exact: true }).click();
      await page.getByTestId("column-CLOSED").getByTestId(`case-card-${id}`).waitFor();
      expect(await statusOf(id)).toBe("CLOSED");
      const api = await env.server.graphql<{ caseWorkflow: { status: string; allowedActions: string[] } }>(
        `query ($id: ID!) { caseWorkflow(case: $id) { status allowedActions } }`,
        { id },
      );
      expect(api.data?.caseWorkflow).toEqual({ status: "CLOSED", allowedActions: [] });
      await context.close();
    });

    it("offers a focused card's moves as a menu that works by keyboard", async () => {
      const title = `Sleepproef menu ${Date.now()}`;
      const id = await intake(title);
      const { page, context } = await env.newPage();
      await page.goto(`/cases?search=${encodeURIComponent("Sleepproef menu")}`);
      const menuButton = page.getByRole("button", { name: `${title} verplaatsen naar…` });
      await menuButton.focus();
      await page.keyboard.press("Enter");
      const items = page.getByRole("menuitem");
      expect(await items.allTextContents()).toEqual(["Naar Gekwalificeerd", "Naar Gesloten"]);
      await page.keyboard.press("Enter");
      await page.getByTestId("column-QUALIFIED").getByTestId(`case-card-${id}`).waitFor();
      expect(await statusOf(id)).toBe("QUALIFIED");
      await context.close();
    });

    it("wraps card titles between words only, and shows each card's days in its state", async () => {
      const { page, context } = await env.newPage();
      await page.goto("/cases");
      await page.locator(".case-card h3 a").first().waitFor();
      // Each word of each title lies on one line (one client rect), however narrow the column.
      const split = await page.evaluate(() => {
        const broken: string[] = [];
        for (const link of document.querySelectorAll(".case-card h3 a")) {
          const text = link.firstChild;
          if (!text || text.nodeType !== Node.TEXT_NODE) continue;
          const value = text.textContent ?? "";
          // A word here runs between spaces and hyphens ("Social-mediastrategie" may wrap after its hyphen).
          for (const match of value.matchAll(/[^\s-]+/g)) {
            const range = document.createRange();
            range.setStart(text, match.index);
            range.setEnd(text, match.index + match[0].length);
            if (range.getClientRects().length > 1) broken.push(match[0]);
          }
        }
        return broken;
      });
      expect(split).toEqual([]);
      const first = page.locator(".card-signals").first();
      expect(await first.textContent()).toMatch(/\d+ dag(en)? in deze fase/);
      // The case page shows the same signals as its card (#17: deadline and ageing on the case page too).
      const card = page.locator(".case-card").first();
      const onCard = await card.locator(".card-signals").textContent();
      await card.locator("h3 a").click();
      await page.getByTestId("case-signals").waitFor();
      expect(await page.getByTestId("case-signals").textContent()).toBe(onCard);
      await context.close();
    });
  });

  describe("my cases and saved filters", () => {
    it("keeps 'my cases' and a saved filter across a reload, and each shows what the API gives for it", async () => {
      const { page, context } = await env.newPage();
      await page.goto("/cases");
      // A click, not check(): the box follows the address, which changes a moment after the click.
      await page.getByLabel("Mijn zaken").click();
      await expect.poll(() => new URL(page.url()).searchParams.get("mine"), { timeout: 15_000 }).toBe("1");
      const mine = await env.server.graphql<{ caseBoard: { totalCount: number } }>(
        `{ caseBoard(filter: { coordinator: "person-fleur-bakker" }, first: 1) { totalCount } }`,
      );
      const total = page.locator("p.muted[aria-live='polite']");
      const expected = mine.data?.caseBoard.totalCount ?? -1;
      await expect
        .poll(() => total.textContent(), { timeout: 15_000 })
        .toBe(`${expected} ${expected === 1 ? "casus" : "casussen"}`);
      // Every card shown is Fleur Bakker's.
      const coordinators = await page.locator(".case-card .card-facts").allTextContents();
      for (const facts of coordinators) expect(facts).toContain("Fleur Bakker");

      await page.reload();
      await expect.poll(() => page.getByLabel("Mijn zaken").isChecked(), { timeout: 15_000 }).toBe(true);

      // Save "mine + HBO" as a filter; a fresh board (no address) offers it after a reload.
      await page.getByLabel("Niveau").selectOption("HBO");
      await expect.poll(() => new URL(page.url()).searchParams.get("level"), { timeout: 15_000 }).toBe("HBO");
      await page.getByLabel("Naam voor dit filter").fill("Mijn HBO-zaken");
      await page.getByRole("button", { name: "Filter opslaan" }).click();
      await page.goto("/cases");
      await page.reload();
      await page.getByRole("combobox", { name: /^Opgeslagen filters/ }).selectOption("Mijn HBO-zaken");
      await expect.poll(() => new URL(page.url()).searchParams.toString(), { timeout: 15_000 }).toBe("level=HBO&mine=1");
      const hbo = await env.server.graphql<{ caseBoard: { totalCount: number } }>(
        `{ caseBoard(filter: { coordinator: "person-fleur-bakker", level: HBO }, first: 1) { totalCount } }`,
      );
      const hboCount = hbo.data?.caseBoard.totalCount ?? -1;
      await expect
        .poll(() => total.textContent(), { timeout: 15_000 })
        .toBe(`${hboCount} ${hboCount === 1 ? "casus" : "casussen"}`);
      // Saved per user: the analyst's board in the same browser does not list the coordinator's filter.
      await context.close();
    });
  });

  describe("the mapping table", () => {
    it("groups the rows by institution and pages by programme, as the API counts them", async () => {
      const [count] = await env.db.read("MATCH (p:Programme)-[:OFFERED_BY]->(:Institution) RETURN count(DISTINCT p) AS n");
      const programmes = Number((count as { n: number }).n);
      const ordered = await env.db.read(
        "MATCH (p:Programme)-[:OFFERED_BY]->(i:Institution) RETURN p.name AS name ORDER BY i.name, i.id, p.name, p.id",
      );
      const { page, context } = await env.newPage();
      await page.goto("/outreach?tab=mapping");
      const summary = page.getByTestId("mapping-summary");
      await expect.poll(() => summary.textContent(), { timeout: 20_000 }).toContain(`${programmes} opleiding`);
      const pages = Math.ceil(programmes / 10);
      await page.getByText(`Pagina 1 van ${pages}`).first().waitFor();
      // Ten programmes on the first page, each with a heading per institution above its rows.
      const programmeLinks = page.locator("table td .strong a");
      await expect.poll(() => programmeLinks.count(), { timeout: 15_000 }).toBe(Math.min(10, programmes));
      expect(await page.locator(".mapping-group h3").count()).toBeGreaterThan(0);
      // Far shorter than the 9,361 px the whole table was.
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(6000);

      await page.getByRole("button", { name: "Volgende" }).first().click();
      await expect.poll(() => new URL(page.url()).searchParams.get("page"), { timeout: 15_000 }).toBe("2");
      await expect
        .poll(() => programmeLinks.first().textContent(), { timeout: 15_000 })
        .toBe((ordered[10] as { name: string }).name);
      await page.reload();
      await page.getByText(`Pagina 2 van ${pages}`).first().waitFor();
      expect(await programmeLinks.first().textContent()).toBe((ordered[10] as { name: string }).name);
      await context.close();
    });
  });
}
