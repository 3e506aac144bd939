import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import type { E2eEnvironment } from "../support/start-e2e-environment.js";

/** Outreach, digests and figures: each page shows the API's numbers and its actions write the graph. */
export function pagesSuite(getEnv: () => E2eEnvironment): void {
  let env: E2eEnvironment;
  beforeAll(() => {
    env = getEnv();
  });

  describe("outreach and agreements", () => {
    it("lists the mapping table as the API does, and logs a contact that moves a course's status up", async () => {
      // The table is paged by programme, ten to a page (#17 part 7): the page shows what mappingTablePage answers for it.
      const firstPage = async (status: string | null) =>
        (
          await env.server.graphql<{
            mappingTablePage: {
              programmeCount: number;
              rows: Array<{ id: string; kind: string; name: string; status: string; teachers: Array<{ id: string }> }>;
            };
          }>(
            `query ($status: MappingStatus) { mappingTablePage(status: $status, first: 10, offset: 0) {
              programmeCount rows { id kind name status teachers { id } } } }`,
            { status },
          )
        ).data?.mappingTablePage;
      const all = await firstPage(null);
      const { page, context } = await env.newPage();
      await page.goto("/outreach");
      await page
        .getByText(`Pagina 1 van ${Math.max(1, Math.ceil((all?.programmeCount ?? 0) / 10))}`)
        .first()
        .waitFor();
      await env.screenshot(page, "outreach-mapping");

      await page.getByLabel("Status").selectOption("NOT_APPROACHED");
      const rows = (await firstPage("NOT_APPROACHED"))?.rows ?? [];
      const target = rows.find((r) => r.kind === "COURSE" && r.status === "NOT_APPROACHED" && r.teachers.length > 0);
      expect(target).toBeDefined();
      if (!target) return;
      await page
        .getByRole("button", { name: `Contact vastleggen over ${target.name}` })
        .first()
        .click();
      const dialog = page.getByRole("dialog");
      // The demo coordinator is Fleur Bakker: "me" is preselected as who made the contact.
      const by = dialog.getByRole("combobox", { name: "Door (coördinator)" });
      await expect.poll(() => by.inputValue()).toBe("person-fleur-bakker");
      expect(await by.locator("option:checked").textContent()).toBe("Fleur Bakker (ik)");
      await by.selectOption("");
      await dialog.getByRole("button", { name: "Vastleggen" }).click();
      await dialog.getByText("Kies wie het contact legde.").waitFor();
      await by.selectOption({ index: 1 });
      await dialog.getByRole("combobox", { name: "Kanaal" }).selectOption("LINKEDIN");
      await dialog.getByRole("button", { name: "Vastleggen" }).click();
      await page.getByText(`Contact vastgelegd; ${target.name} staat nu op ‘Benaderd’.`).waitFor();
      const graph = await env.db.read(
        "MATCH (c:Course {id: $id}) OPTIONAL MATCH (i:Interaction {channel: 'LINKEDIN'})-[:ABOUT]->(c) RETURN c.mappingStatus AS status, count(i) AS logged",
        { id: target.id },
      );
      expect(graph).toEqual([{ status: "APPROACHED", logged: 1 }]);
      await context.close();
    });

    it("shows agreements with the capacity used per period", async () => {
      const api = await env.server.graphql<{ agreements: Array<{ id: string }> }>("{ agreements(limit: 150) { id } }");
      const { page, context } = await env.newPage();
      await page.goto("/outreach?tab=agreements");
      await page.locator(".agreement").first().waitFor();
      expect(await page.locator(".agreement").count()).toBe(api.data?.agreements.length);
      await page.locator("table.capacity").first().waitFor();
      await env.screenshot(page, "outreach-agreements");
      await context.close();
    });
  });

  describe("CSV exports", () => {
    it("downloads the case list as the API exports it", async () => {
      const { page, context } = await env.newPage();
      await page.goto("/cases");
      await page.getByTestId("count-INTAKE").waitFor();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Exporteren (CSV)" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("cases.csv");
      const path = await download.path();
      const file = await readFile(path, "utf8");
      const api = await env.server.graphql<{ exportCasesCsv: string }>("{ exportCasesCsv }");
      expect(file).toBe(api.data?.exportCasesCsv);
      expect(file.split("\n").length).toBeGreaterThan(80);
      await context.close();
    });
  });

  describe("digests", () => {
    it("lists the digests due, previews the e-mail, and marking one sent records a proposal per case", async () => {
      const api = await env.server.graphql<{
        dueDigests: Array<{ teacherId: string; teacherName: string; subject: string; items: Array<{ caseId: string }> }>;
      }>("{ dueDigests { teacherId teacherName subject items { caseId } } }");
      const due = api.data?.dueDigests ?? [];
      expect(due.length).toBeGreaterThan(0);
      const first = due[0];
      if (!first) return;
      const { page, context } = await env.newPage();
      await page.goto("/digests");
      await page.getByRole("navigation", { name: "Verschuldigde digests" }).waitFor();
      expect(await page.locator(".digest-item").count()).toBe(due.length);
      const email = page.getByTestId("digest-email");
      await expect.poll(async () => (await email.textContent()) ?? "", { timeout: 15_000 }).toContain(first.subject);
      await env.screenshot(page, "digests");

      const emailed = "MATCH (p:Proposal {channel: 'EMAIL'})-[:TO_TEACHER]->(:Person {id: $id}) RETURN count(p) AS n";
      const before = await env.db.read(emailed, { id: first.teacherId });
      await page.getByRole("button", { name: /^Markeren als verstuurd/ }).click();
      await page.getByText(new RegExp(`Digest aan ${first.teacherName} gemarkeerd als verstuurd`)).waitFor();
      const after = await env.db.read(emailed, { id: first.teacherId });
      expect(Number(after[0]?.n)).toBe(Number(before[0]?.n) + first.items.length);
      // The teacher is no longer due today.
      await expect.poll(() => page.locator(".digest-item").count(), { timeout: 15_000 }).toBe(due.length - 1);
      await context.close();
    });
  });

  describe("outbox and to-do list (#16)", () => {
    it("sends the due digests into the outbox (no SMTP_URL), lists them there, and the to-do list shows the expiring proposals", async () => {
      const { page, context } = await env.newPage();
      await page.goto("/digests");
      await page.getByTestId("digest-schedule").waitFor();
      await page.getByRole("button", { name: "Verstuur de overzichten die aan de beurt zijn" }).click();
      await page.getByText(/overzichten verstuurd/).waitFor({ timeout: 30_000 });
      const api = await env.server.graphql<{ outbox: Array<{ status: string; kind: string }> }>(
        "{ outbox(first: 200) { status kind } }",
      );
      const sent = api.data?.outbox ?? [];
      expect(sent.length).toBeGreaterThan(0);
      expect(new Set(sent.map((m) => m.status))).toEqual(new Set(["OUTBOX"]));

      await page.goto("/outbox");
      await page.locator(".digest-item").first().waitFor();
      expect(await page.locator(".digest-item").count()).toBe(sent.length);
      await page.locator(".digest-item").first().click();
      await page.locator("iframe.email-frame").waitFor();
      await env.screenshot(page, "outbox");

      // Every coordinator's list, as the page's switch asks for it: the demo data's proposals expiring soon or expired unanswered.
      const todo = await env.server.graphql<{
        coordinatorTodo: { expiringProposals: Array<{ caseTitle: string }>; expiredProposals: Array<{ caseTitle: string }> };
      }>("{ coordinatorTodo(everyone: true) { expiringProposals { caseTitle } expiredProposals { caseTitle } } }");
      const lists = todo.data?.coordinatorTodo;
      const titles = [...(lists?.expiringProposals ?? []), ...(lists?.expiredProposals ?? [])].map((p) => p.caseTitle);
      expect(titles.length).toBeGreaterThan(0);
      await page.goto("/todo");
      await page.locator(".todo-section").first().waitFor();
      await page.getByRole("button", { name: "Alle coördinatoren" }).click();
      await page.getByText(titles[0]!).first().waitFor();
      await env.screenshot(page, "todo", { fullPage: true });
      await context.close();
    });
  });

  describe("figures", () => {
    it("shows the API's figures", async () => {
      const api = await env.server.graphql<{
        matchFigures: { total: number };
        caseDurations: { intakeToMatch: { medianDays: number | null; cases: number } };
        caseFunnel: Array<{ status: string; current: number; reached: number }>;
      }>("{ matchFigures { total } caseDurations { intakeToMatch { medianDays cases } } caseFunnel { status current reached } }");
      const { page, context } = await env.newPage();
      await page.goto("/figures");
      await page.getByTestId("stat-matches").waitFor();
      expect(await page.getByTestId("stat-matches").locator(".stat-value").textContent()).toBe(
        String(api.data?.matchFigures.total),
      );
      const median = api.data?.caseDurations.intakeToMatch.medianDays;
      expect(await page.getByTestId("stat-intake-to-match").locator(".stat-value").textContent()).toBe(
        median === null || median === undefined
          ? "—"
          : new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 }).format(median),
      );
      // The funnel's table holds the same numbers as the API.
      const funnel = page.getByTestId("chart-funnel");
      await funnel.getByText("Toon als tabel").click();
      for (const stage of api.data?.caseFunnel ?? []) {
        const row = funnel.locator("tbody tr").nth((api.data?.caseFunnel ?? []).indexOf(stage));
        expect(await row.locator("td").nth(1).textContent()).toBe(String(stage.current));
        expect(await row.locator("td").nth(2).textContent()).toBe(String(stage.reached));
      }
      await funnel.getByText("Toon als tabel").click();
      await env.screenshot(page, "figures");
      await context.close();
    });
  });
}
