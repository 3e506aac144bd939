import type { Page } from "playwright-core";
import { beforeAll, describe, it } from "vitest";
import type { DemoRole, E2eEnvironment } from "../support/start-e2e-environment.js";

/**
 * Issue #17 parts 4-6: every demo role on every page without an error banner (what a role may not read is
 * not asked for), buttons only for what the role may do, a session that holds in a new tab and ends in all
 * tabs at sign-out, and every page usable on a 390 px phone (no horizontal scroll, "log out" reachable).
 * Screenshots (desktop and phone, as the coordinator) only with UPDATE_SCREENSHOTS=1.
 *
 * These tests run two at a time (`describe.concurrent`, the e2e project's maxConcurrency): each has a browser context
 * of its own and only reads — signing out clears its own context's cookie, the role's token stays valid — so none sees
 * another's. One after the other they took ~160 s of the browser tier, two at a time ~120 s (docs/performance.md, "The
 * test suite's time", fifth round). Each test uses its own `expect` (vitest's rule for concurrent tests).
 */
export function everyRoleSuite(getEnv: () => E2eEnvironment): void {
  let env: E2eEnvironment;
  /** Every page of the client, with real ids from the demo data. */
  let pages: Array<{ name: string; path: string }> = [];

  beforeAll(async () => {
    env = getEnv();
    const rows = await env.db.read(
      `MATCH (c:Case)<-[:FOR_CASE]-(:Sprint) WITH DISTINCT c ORDER BY c.id LIMIT 1
       MATCH (p:Programme) WITH c, p ORDER BY p.id LIMIT 1
       MATCH (i:Institution) WITH c, p, i ORDER BY i.id LIMIT 1
       RETURN c.id AS caseId, p.id AS programmeId, i.id AS institutionId`,
    );
    const ids = rows[0] as { caseId: string; programmeId: string; institutionId: string } | undefined;
    if (!ids) throw new Error("The demo data has no case with a sprint, programme or institution.");
    // A teacher (a person with ties and a course), for the person page.
    const [teacher] = await env.db.read(
      "MATCH (p:Person)-[:TEACHES]->(:Course) WHERE EXISTS { (p)-[:KNOWS]-() } RETURN p.id AS id ORDER BY p.id LIMIT 1",
    );
    const personId = (teacher as { id: string } | undefined)?.id;
    if (!personId) throw new Error("The demo data has no teacher with ties.");
    pages = [
      // The public question form (issue #18 part 1), shown to every role too; first, as the phone test ends on the shell.
      { name: "public-form", path: "/vraag" },
      { name: "board", path: "/cases" },
      { name: "case", path: `/cases/${ids.caseId}` },
      { name: "intake", path: "/intake" },
      { name: "explorer", path: "/explorer" },
      { name: "embedding", path: "/embedding" },
      { name: "embedding-programme", path: `/embedding/programmes/${ids.programmeId}` },
      { name: "embedding-institution", path: `/embedding/institutions/${ids.institutionId}` },
      { name: "outreach-mapping", path: "/outreach?tab=mapping" },
      { name: "outreach-agreements", path: "/outreach?tab=agreements" },
      { name: "outreach-examples", path: "/outreach?tab=examples" },
      { name: "outreach-log", path: "/outreach?tab=log" },
      { name: "digests", path: "/digests" },
      { name: "figures", path: "/figures" },
      // Issue #17 parts 4 and 6: the pages the list did not reach yet (board helper, session 6).
      { name: "todo", path: "/todo" },
      { name: "outbox", path: "/outbox" },
      { name: "topics", path: "/topics" },
      { name: "person", path: `/people/${personId}` },
      { name: "institutions", path: "/institutions" },
      { name: "institution", path: `/institutions/${ids.institutionId}` },
      { name: "programme", path: `/programmes/${ids.programmeId}` },
      // The institution portal (#18): the demo roles get its explanation; portal-suite.ts shows it to an invited person.
      { name: "portal", path: "/portal" },
      { name: "import", path: "/import" },
    ];
  });

  const shots = process.env.UPDATE_SCREENSHOTS === "1";

  /** Opens a page and waits until its heading shows and nothing is loading any more. */
  async function visit(page: Page, path: string): Promise<void> {
    await page.goto(path);
    await page.locator("main h1").first().waitFor();
    // In the page (each animation frame), not polled from here: these tests run two at a time (below).
    await page.waitForFunction(() => document.querySelectorAll(".loading").length === 0, undefined, {
      polling: "raf",
      timeout: 20_000,
    });
  }

  /** The page's error boxes and failed-request banners, as text (empty: none). */
  async function errorsOn(page: Page): Promise<string[]> {
    return page.locator(".error-box, [data-testid='connection-banner']").allTextContents();
  }

  describe.concurrent("every role on every page", () => {
    const roles: DemoRole[] = ["ADMIN", "COORDINATOR", "ANALYST", "VIEWER"];
    for (const role of roles) {
      it(`shows every page to ${role} without an error banner, and only the buttons ${role} may use`, async ({ expect }) => {
        const { page, context } = await env.newPage({ role });
        const problems: string[] = [];
        for (const { name, path } of pages) {
          await visit(page, path);
          const errors = await errorsOn(page);
          if (errors.length > 0) problems.push(`${name}: ${errors.join(" | ")}`);
        }
        expect(problems).toEqual([]);

        const readOnly = role === "ANALYST" || role === "VIEWER";
        // The board: no intake link nor CSV export, no moves on the cards.
        await visit(page, "/cases");
        expect(await page.getByRole("main").getByRole("link", { name: "Nieuwe vraag" }).count()).toBe(readOnly ? 0 : 1);
        expect(await page.getByRole("button", { name: "Exporteren (CSV)" }).count()).toBe(readOnly ? 0 : 1);
        if (readOnly) expect(await page.locator(".case-actions").count()).toBe(0);
        else expect(await page.locator(".case-actions").count()).toBeGreaterThan(0);
        const nav = page.getByRole("navigation", { name: "Hoofdmenu" });
        expect(await nav.getByRole("link", { name: "Nieuwe vraag" }).count()).toBe(readOnly ? 0 : 1);
        if (readOnly) {
          // The intake, reached by its address, explains instead of failing.
          await visit(page, "/intake");
          await page.getByRole("heading", { name: "Niet voor uw rol" }).waitFor();
          await visit(page, "/outreach?tab=mapping");
          expect(await page.getByRole("button", { name: /^Contact vastleggen over / }).count()).toBe(0);
          await visit(page, "/embedding");
          expect(await page.getByRole("button", { name: "Cijfers herberekenen" }).count()).toBe(0);
          // The pages added for #17 parts 4/6: no button that writes (each page's write buttons by their names).
          const writeButtons =
            /^(Accepteren|Samenvoegen|Instelling toevoegen|Instelling bewerken|Onderwijsperiode toevoegen|Opleiding toevoegen|Opleiding bewerken|Vak toevoegen|Docent toevoegen|Persoon met rol toevoegen|Gegevens bewerken|Afspraak maken|Sterkte van band|.* bewerken$)/;
          for (const name of ["topics", "person", "institutions", "institution", "programme", "outbox", "todo"]) {
            const path = pages.find((p) => p.name === name)?.path ?? "/";
            await visit(page, path);
            const shown = await page.getByRole("main").getByRole("button", { name: writeButtons }).allTextContents();
            if (shown.length > 0) problems.push(`${name}: write buttons for ${role}: ${shown.join(", ")}`);
          }
          expect(problems).toEqual([]);
        }
        // The vocabulary (#15): everyone reads it, only coordinators and admins change it.
        await visit(page, "/topics");
        expect(await page.getByRole("button", { name: "Onderwerp toevoegen" }).count()).toBe(readOnly ? 0 : 1);
        await context.close();
      }, 180_000);
    }

    it("keeps the question of a case from the analyst, and shows it to the coordinator", async ({ expect }) => {
      const [row] = await env.db.read(
        "MATCH (c:Case) WHERE c.question IS NOT NULL AND size(c.question) > 20 RETURN c.id AS id, c.question AS question LIMIT 1",
      );
      const { id, question } = row as { id: string; question: string };
      const analyst = await env.newPage({ role: "ANALYST" });
      await visit(analyst.page, `/cases/${id}`);
      expect(await analyst.page.locator("main").textContent()).not.toContain(question);
      await analyst.context.close();
      const coordinator = await env.newPage();
      await visit(coordinator.page, `/cases/${id}`);
      await coordinator.page.getByText(question).waitFor();
      await coordinator.context.close();
    });
  });

  describe.concurrent("the session across tabs", () => {
    it("stays signed in in a new tab, keeps the token from scripts, and signing out in one tab signs out every tab", async ({
      expect,
    }) => {
      const { page, context } = await env.newPage({ signedIn: false });
      await page.goto("/cases");
      await page.getByLabel("E-mailadres").fill("coordinator@werkplaats.example");
      await page.getByLabel("Wachtwoord").fill("demo-coordinator-werkplaats");
      await page.getByRole("button", { name: "Inloggen" }).click();
      await page.getByRole("navigation", { name: "Hoofdmenu" }).waitFor();

      // The token is in an HttpOnly, SameSite=Strict cookie: no script sees it, not in storage either.
      const cookies = await context.cookies();
      const session = cookies.find((c) => c.name === "werkplaats_session");
      expect(session).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/graphql" });
      const visible = await page.evaluate(() => [document.cookie, JSON.stringify(localStorage), JSON.stringify(sessionStorage)]);
      for (const place of visible) expect(place).not.toContain(session?.value ?? "no cookie");

      // A pasted link in a new tab: signed in, straight onto the case.
      const [caseRow] = await env.db.read("MATCH (c:Case) RETURN c.id AS id, c.title AS title ORDER BY c.id LIMIT 1");
      const second = await context.newPage();
      await second.goto(`/cases/${(caseRow as { id: string }).id}`);
      await second.getByRole("heading", { name: (caseRow as { title: string }).title, level: 1 }).waitFor();
      expect(await second.getByRole("button", { name: "Inloggen" }).count()).toBe(0);

      // Signing out in the second tab shows the login page in the first one too, without a reload.
      await second.getByRole("button", { name: "Uitloggen", exact: true }).click();
      await second.getByRole("button", { name: "Inloggen" }).waitFor();
      await page.getByRole("button", { name: "Inloggen" }).waitFor();
      expect((await context.cookies()).some((c) => c.name === "werkplaats_session")).toBe(false);
      // A reload stays signed out.
      await page.reload();
      await page.getByRole("button", { name: "Inloggen" }).waitFor();
      await context.close();
    });
  });

  describe.concurrent("a 390 px phone", () => {
    it("scrolls no page sideways, and keeps the menu and 'log out' reachable", async ({ expect }) => {
      const { page, context } = await env.newPage({ width: 390, height: 844 });
      const wide: string[] = [];
      for (const { name, path } of pages) {
        await visit(page, path);
        const widths = await page.evaluate(() => ({
          scroll: document.scrollingElement?.scrollWidth ?? 0,
          inner: window.innerWidth,
          // What sticks out, for the message: the widest elements past the right edge.
          culprits: [...document.querySelectorAll("main *")]
            .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 4)
            .map(
              (el) =>
                `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} (${Math.round(el.getBoundingClientRect().right)})`,
            ),
        }));
        if (widths.scroll > widths.inner)
          wide.push(`${name}: ${widths.scroll} > ${widths.inner} [${widths.culprits.join(", ")}]`);
        if (shots) await env.screenshot(page, `phone-${name}`);
      }
      expect(wide).toEqual([]);

      // The new topic's form stacks: each label's words sit above its own field and below the field before it (on a
      // phone, "Engels label" used to follow the Dutch field on the same line).
      await visit(page, "/topics");
      const layout = await page.getByTestId("new-topic").evaluate((form) =>
        [...form.querySelectorAll(":scope > label")].map((label) => {
          const text = [...label.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
          const range = document.createRange();
          if (text) range.selectNodeContents(text);
          const words = range.getClientRects()[0];
          const field = label.querySelector("input")!.getBoundingClientRect();
          return {
            name: text?.textContent?.trim() ?? "",
            wordsTop: words?.top ?? 0,
            wordsBottom: words?.bottom ?? 0,
            fieldTop: field.top,
            fieldBottom: field.bottom,
          };
        }),
      );
      expect(layout.map((l) => l.name)).toEqual(["Nederlands label", "Engels label", "Synoniemen (met komma's gescheiden)"]);
      layout.forEach((l, i) => {
        expect(l.wordsBottom, `${l.name} above its field`).toBeLessThanOrEqual(l.fieldTop + 1);
        if (i > 0)
          expect(l.wordsTop, `${l.name} below the field before it`).toBeGreaterThanOrEqual(layout[i - 1]!.fieldBottom - 1);
      });

      // The navigation folds behind the menu button; it opens, leads to a page, and "log out" is on screen.
      const menu = page.getByRole("button", { name: "Menu", exact: true });
      expect(await page.getByRole("navigation", { name: "Hoofdmenu" }).isVisible()).toBe(false);
      await menu.click();
      await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Digests" }).click();
      await page.getByRole("heading", { name: "Digests", level: 1 }).waitFor();
      // Choosing a page closed the menu; it opens again.
      expect(await page.getByRole("navigation", { name: "Hoofdmenu" }).isVisible()).toBe(false);
      await menu.click();
      const signOut = page.getByRole("button", { name: "Uitloggen", exact: true });
      const box = await signOut.boundingBox();
      expect(box).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
      await signOut.click();
      await page.getByRole("button", { name: "Inloggen" }).waitFor();
      await context.close();
    }, 240_000);

    it("keeps the navigation and 'Uitloggen' within the screen at every width from 360 to 1920 px", async ({ expect }) => {
      // The top bar once ran past 1440 px and cut off "Uitloggen": it wraps (above 900 px) or folds behind "Menu" (below).
      const { page, context } = await env.newPage({ width: 1440, height: 900 });
      await visit(page, "/cases");
      const cut: string[] = [];
      for (const width of [360, 390, 600, 768, 900, 901, 1024, 1100, 1280, 1366, 1440, 1600, 1800, 1920]) {
        await page.setViewportSize({ width, height: 900 });
        // exact: a board card named "… menu …" has buttons whose names hold the word too.
        const menu = page.getByRole("button", { name: "Menu", exact: true });
        const folded = await menu.isVisible();
        if (folded && (await menu.getAttribute("aria-expanded")) !== "true") await menu.click();
        const signOut = page.getByRole("button", { name: "Uitloggen", exact: true });
        const box = await signOut.boundingBox();
        const links = await page
          .getByRole("navigation", { name: "Hoofdmenu" })
          .getByRole("link")
          .evaluateAll((all) => all.map((a) => a.getBoundingClientRect().right));
        const scroll = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
        if (!box || box.x < 0 || box.x + box.width > width) cut.push(`${width}: Uitloggen at ${JSON.stringify(box)}`);
        if (links.some((right) => right > width)) cut.push(`${width}: a link ends past the edge (${Math.max(...links)})`);
        if (scroll > width) cut.push(`${width}: the page is ${scroll} px wide`);
        if (folded) await menu.click();
      }
      expect(cut).toEqual([]);
      await context.close();
    });

    it.runIf(shots)(
      "saves a desktop screenshot of every page as the coordinator",
      async () => {
        const { page, context } = await env.newPage();
        for (const { name, path } of pages) {
          await visit(page, path);
          await env.screenshot(page, `desktop-${name}`);
        }
        await context.close();
      },
      240_000,
    );
  });
}
