import { beforeAll, describe, expect, it } from "vitest";
import type { E2eEnvironment } from "../support/start-e2e-environment.js";

/** Cases: intake validation, intake → qualify → propose → match on the board, closing from the board. */
export function casesSuite(getEnv: () => E2eEnvironment): void {
  let env: E2eEnvironment;
  beforeAll(() => {
    env = getEnv();
  });

  interface Board {
    caseBoard: { columns: Array<{ status: string; count: number }> };
  }

  /** The board's column counts as the API gives them. */
  async function apiColumnCounts(): Promise<Record<string, number>> {
    const answer = await env.server.graphql<Board>("{ caseBoard(first: 1) { columns { status count } } }");
    expect(answer.errors).toBeUndefined();
    return Object.fromEntries((answer.data?.caseBoard.columns ?? []).map((c) => [c.status, c.count]));
  }

  describe("a case from intake to a matched sprint, in the browser", () => {
    it("shows validation messages next to the intake fields and sends nothing while they stand", async () => {
      const { page, context } = await env.newPage();
      const before = await env.db.read("MATCH (c:Case) RETURN count(c) AS n");
      await page.goto("/intake");
      await page.getByRole("heading", { name: "Nieuwe mkb-vraag" }).waitFor();
      await page.getByLabel("KvK-nummer").fill("1234");
      await page.getByLabel("E-mail").fill("not-an-address");
      await page.getByRole("button", { name: "Vraag vastleggen" }).click();

      // Each message sits in its field, tied to the control by aria-describedby.
      // Required fields: their label carries a hidden "*", so they are found by accessible name.
      const title = page.getByRole("textbox", { name: "Titel", exact: true });
      expect(await title.getAttribute("aria-invalid")).toBe("true");
      const describedBy = (await title.getAttribute("aria-describedby")) ?? "";
      expect(await page.locator(`#${describedBy.split(" ").pop()?.replace(/:/g, "\\:")}`).textContent()).toBe(
        "Geef de vraag een titel.",
      );
      await page.getByText("Een KvK-nummer heeft precies 8 cijfers.").waitFor();
      await page.getByText("Vul de naam van het bedrijf in.").waitFor();
      await page.getByText("Kies minstens één niveau.").waitFor();
      await page.getByText("Dit is geen geldig e-mailadres.").waitFor();
      await page.getByText("Vul de naam van de contactpersoon in.").waitFor();
      // The keyboard is put on the first field in trouble.
      expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("title");
      await env.screenshot(page, "intake-validation");

      const after = await env.db.read("MATCH (c:Case) RETURN count(c) AS n");
      expect(after).toEqual(before);
      await context.close();
    });

    it("takes an intake through qualification, a suggestion, a proposal and a match, and sees it move on the board", async () => {
      const countsBefore = await apiColumnCounts();
      const { page, context } = await env.newPage();

      // 1. Intake.
      await page.goto("/intake");
      await page.getByRole("textbox", { name: "Titel", exact: true }).fill("Webshop voor Bakkerij De Proefkorst");
      await page.getByLabel("Omschrijving van de vraag").fill("Brood en taart online bestellen en afhalen.");
      await page.getByLabel("Onderwerpen").fill("web shop, e-commerce");
      await page.getByLabel("Omvang").first().selectOption("SPRINT");
      await page.getByLabel("HBO (hogeschool)").check();
      await page.getByLabel("Vroegste start").fill("2027-01-15");
      await page.getByLabel("Deadline").fill("2027-06-30");
      await page.getByRole("textbox", { name: "Naam bedrijf", exact: true }).fill("Bakkerij De Proefkorst");
      await page.getByLabel("KvK-nummer").fill("8765 4321");
      await page.getByLabel("Plaats").fill("Amsterdam");
      await page.getByLabel("Verwezen door").selectOption({ index: 1 });
      await page.getByLabel("Naam", { exact: true }).fill("Petra de Bakker");
      await page.getByLabel("E-mail").fill("petra@proefkorst.example");
      // The signed-in demo coordinator is Fleur Bakker: the case is theirs unless another coordinator is chosen.
      await expect.poll(() => page.getByLabel("Coördinator", { exact: true }).inputValue()).toBe("person-fleur-bakker");
      await page.getByRole("button", { name: "Vraag vastleggen" }).click();

      // 2. The case page opens on the new case, in INTAKE.
      await page.getByRole("heading", { level: 1, name: "Webshop voor Bakkerij De Proefkorst" }).waitFor();
      const caseId = page.url().split("/cases/")[1] ?? "";
      expect(caseId).not.toBe("");
      expect(await page.getByTestId("case-status").textContent()).toBe("Intake");
      const stored = await env.db.read(
        "MATCH (s:Sme)-[:ASKED]->(c:Case {id: $id}) RETURN c.status AS status, s.kvkNumber AS kvk, c.topics AS topics, toString(c.deadline) AS deadline",
        { id: caseId },
      );
      expect(stored).toEqual([{ status: "INTAKE", kvk: "87654321", topics: ["web shop", "e-commerce"], deadline: "2027-06-30" }]);
      const handler = await env.db.read("MATCH (:Case {id: $id})-[:HANDLED_BY]->(p:Person) RETURN p.name AS name", {
        id: caseId,
      });
      expect(handler).toEqual([{ name: "Fleur Bakker" }]);

      // 3. Qualify.
      await page.getByRole("button", { name: "Webshop voor Bakkerij De Proefkorst kwalificeren" }).click();
      await page.getByTestId("case-status").getByText("Gekwalificeerd").waitFor();

      // 4. Suggestions with verdicts and factor breakdowns; propose the best one to its teacher.
      const first = page.getByTestId("suggestion").first();
      await first.waitFor();
      // Seven factors since effort fit (#15, docs/matching.md).
      expect(await first.locator(".factors tbody tr").count()).toBe(7);
      const course =
        (await first.locator("h3").first().textContent())?.replace(/(uitstekend|goed|redelijk|zwak)$/, "").trim() ?? "";
      await env.screenshot(page, "case-page");
      await first.getByRole("button", { name: /^Voorstellen aan de docent van/ }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("button", { name: "Voorstellen", exact: true }).click();
      await page.getByTestId("case-status").getByText("Voorgesteld").waitFor();
      await page.getByTestId("proposal").first().waitFor();
      expect(await page.getByTestId("proposal").first().textContent()).toContain(course);

      // 5. The teacher is interested; match into the suggested course and period.
      await page.getByRole("button", { name: /^Antwoord van .* vastleggen$/ }).click();
      await page.getByRole("dialog").getByLabel("Geïnteresseerd").check();
      await page.getByRole("dialog").getByRole("button", { name: "Vastleggen" }).click();
      await page.getByText(/vastgelegd: Geïnteresseerd/).waitFor();
      await page.getByRole("button", { name: "Webshop voor Bakkerij De Proefkorst matchen in een sprint" }).click();
      const match = page.getByRole("dialog");
      await match.getByLabel("Vak").selectOption({ index: 1 });
      const period = match.getByLabel("Onderwijsperiode");
      await expect.poll(() => period.locator("option").count(), { timeout: 15_000 }).toBeGreaterThan(1);
      if ((await period.inputValue()) === "") await period.selectOption({ index: 1 });
      await match.getByText(/plaatsen? gebruikt|zonder limiet/).waitFor();
      await match.getByRole("button", { name: "Matchen", exact: true }).click();
      await page.getByTestId("case-status").getByText("Gematcht").waitFor();
      await page.getByTestId("sprint").waitFor();

      const graph = await env.db.read(
        `MATCH (c:Case {id: $id})<-[:FOR_CASE]-(s:Sprint)-[:IN_COURSE]->(course:Course)
         OPTIONAL MATCH (c)-[:HAD_EVENT]->(e:CaseEvent)
         WITH c, s, course, e ORDER BY e.at
         RETURN c.status AS status, s.status AS sprint, course.name AS course, collect(e.to) AS events`,
        { id: caseId },
      );
      expect(graph).toEqual([
        { status: "MATCHED", sprint: "PLANNED", course, events: ["INTAKE", "QUALIFIED", "PROPOSED", "MATCHED"] },
      ]);

      // 6. The board shows it in the MATCHED column, and every count matches the API's.
      await page.getByRole("link", { name: "Casussen", exact: true }).first().click();
      await page.getByRole("heading", { level: 1, name: "Casussen" }).waitFor();
      const countsAfter = await apiColumnCounts();
      expect(countsAfter.MATCHED).toBe((countsBefore.MATCHED ?? 0) + 1);
      expect(countsAfter.INTAKE).toBe(countsBefore.INTAKE);
      for (const [status, count] of Object.entries(countsAfter)) {
        await expect.poll(() => page.getByTestId(`count-${status}`).textContent(), { timeout: 15_000 }).toBe(String(count));
      }
      const card = page.getByTestId(`case-card-${caseId}`);
      await card.waitFor();
      expect(await page.getByTestId("column-MATCHED").getByTestId(`case-card-${caseId}`).count()).toBe(1);
      await env.screenshot(page, "case-board");

      // 7. Search narrows the board to the one case.
      await page.getByRole("searchbox").fill("Proefkorst");
      await page.getByRole("search").getByRole("button", { name: "Zoeken" }).click();
      await expect.poll(() => page.locator(".case-card").count(), { timeout: 15_000 }).toBe(1);
      expect(await page.getByTestId("count-MATCHED").textContent()).toBe("1");
      await context.close();
    });

    it("closes a case from the board with a reason, and the columns follow", async () => {
      const countsBefore = await apiColumnCounts();
      const { page, context } = await env.newPage();
      await page.goto("/cases");
      const column = page.getByTestId("column-INTAKE");
      const card = column.locator(".case-card").first();
      await card.waitFor();
      const title = (await card.locator("h3").textContent()) ?? "";
      await card.getByRole("button", { name: `${title} sluiten` }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("button", { name: "Sluiten", exact: true }).click();
      await dialog.getByText("Kies een reden.").waitFor();
      await dialog.getByLabel("Reden").selectOption("WITHDRAWN");
      await dialog.getByRole("button", { name: "Sluiten", exact: true }).click();
      await page.getByText(`‘${title}’ is gesloten.`).waitFor();
      await expect
        .poll(() => page.getByTestId("count-CLOSED").textContent(), { timeout: 15_000 })
        .toBe(String((countsBefore.CLOSED ?? 0) + 1));
      expect(await page.getByTestId("count-INTAKE").textContent()).toBe(String((countsBefore.INTAKE ?? 0) - 1));
      const rows = await env.db.read(
        "MATCH (c:Case {title: $title})-[:HAD_EVENT]->(e:CaseEvent {to: 'CLOSED'}) RETURN c.status AS status, e.reason AS reason",
        { title },
      );
      expect(rows).toEqual([{ status: "CLOSED", reason: "WITHDRAWN" }]);
      await context.close();
    });
  });
}
