import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { E2eEnvironment } from "../support/start-e2e-environment.js";

/**
 * The institution portal's door (issue #18 parts 2 and 3) in a real browser: a coordinator invites a programme
 * coordinator of the demo data from the person page; the invitation's link, read from the outbox, sets a password
 * and signs in; the portal shows only that programme's fitting cases and agreements, and nothing else in the
 * navigation; one case is claimed ("Dit is voor ons"), another forwarded to a colleague chosen from those known in the
 * programme; the coordinator sees the claim (to confirm, also on the to-do page) and the forward on the case pages. Screenshots of the portal, desktop and phone.
 */
export function portalSuite(getEnv: () => E2eEnvironment): void {
  let env: E2eEnvironment;
  beforeAll(() => {
    env = getEnv();
  });

  describe("the institution portal (#18)", () => {
    it("invites a programme coordinator, whose link sets a password; they claim a case and forward another; the coordinator sees both", async () => {
      const n = randomInt(10_000, 99_999);
      // A programme coordinator of the demo data without an account, whose programme has the most courses.
      const [chosen] = await env.db.read(
        `MATCH (p:Person)-[:COORDINATES]->(g:Programme)
         WHERE NOT EXISTS { MATCH (u:User {personId: p.id}) }
         WITH p, g, COUNT { (g)<-[:PART_OF]-(:Course) } AS courses ORDER BY courses DESC, p.id LIMIT 1
         RETURN p.id AS id, p.name AS name, g.id AS programmeId, g.name AS programme`,
      );
      if (!chosen) throw new Error("The demo data has no programme coordinator without an account.");
      const person = chosen as { id: string; name: string; programmeId: string; programme: string };
      const email = `portal-e2e-${n}@example.test`;
      const password = `portal password ${n}`;

      // 1. The coordinator invites them from their person page.
      const coordinator = await env.newPage();
      await coordinator.page.goto(`/people/${person.id}`);
      await coordinator.page.getByRole("heading", { level: 1, name: person.name }).waitFor();
      await coordinator.page.getByRole("button", { name: "Nodig uit" }).click();
      const dialog = coordinator.page.getByRole("dialog");
      await dialog.getByLabel("Rol in het portaal").selectOption("INSTITUTION_CONTACT");
      await dialog.getByLabel("E-mailadres").fill(email);
      await dialog.getByRole("button", { name: "Uitnodiging versturen" }).click();
      await dialog.getByText(`Uitnodiging voor ${person.name} verstuurd`).waitFor();
      await dialog.getByTestId("invitations").getByText("Openstaand").waitFor();

      // 2. The link from the outbox (no mail server in the e2e run: the message is kept there).
      const [message] = await env.db.read(
        `MATCH (m:MailMessage {kind: 'INVITATION', toAddress: $email}) RETURN m.text AS text, m.status AS status`,
        { email },
      );
      expect(message?.status).toBe("OUTBOX");
      const link = /https?:\/\/\S+\/invite\/\S+/.exec(String(message?.text ?? ""))?.[0];
      if (!link) throw new Error("No invitation link in the outbox message.");
      const path = new URL(link).pathname;

      // 3. The invited person sets a password (no sign-in) and lands on the portal.
      const invited = await env.newPage({ signedIn: false });
      await invited.page.goto(path);
      await invited.page.getByRole("heading", { name: `Welkom, ${person.name}` }).waitFor();
      expect(await invited.page.getByLabel("E-mailadres").inputValue()).toBe(email);
      await invited.page.getByLabel("Nieuw wachtwoord").fill(password);
      await invited.page.getByLabel("Wachtwoord nogmaals").fill(password);
      await invited.page.getByRole("button", { name: "Wachtwoord instellen en inloggen" }).click();
      await invited.page.getByRole("heading", { level: 1, name: `Portaal van ${person.name}` }).waitFor();
      expect(new URL(invited.page.url()).pathname).toBe("/portal");
      // The first sign-in is an interaction on the coordinator's tie with them.
      const [signedIn] = await env.db.read(
        `MATCH (:Person {id: 'person-fleur-bakker'})-[:INITIATED]->(x:Interaction {channel: 'EMAIL', result: 'REPLIED'})-[:WITH]->(:Person {id: $id})
         RETURN count(x) AS n`,
        { id: person.id },
      );
      expect(Number(signedIn?.n)).toBe(1);

      // 4. Only the portal in the navigation; the link is used up.
      const nav = invited.page.getByRole("navigation", { name: "Hoofdmenu" });
      expect(await nav.getByRole("link").allTextContents()).toEqual(["Portaal"]);
      await invited.page.goto("/cases");
      await invited.page.getByRole("heading", { level: 1, name: `Portaal van ${person.name}` }).waitFor();
      expect(new URL(invited.page.url()).pathname).toBe("/portal");

      // 5. Only their programme's cases and agreements: every course named belongs to it.
      const [reach] = await env.db.read(
        `MATCH (p:Person {id: $id})
         OPTIONAL MATCH (p)-[:COORDINATES|DIRECTS]->(:Programme)<-[:PART_OF]-(c:Course)
         OPTIONAL MATCH (p)-[:TEACHES]->(t:Course)
         RETURN collect(DISTINCT c.name) + collect(DISTINCT t.name) AS courses`,
        { id: person.id },
      );
      const ownCourses = new Set((reach?.courses as string[] | undefined) ?? []);
      const cards = invited.page.getByTestId("portal-case");
      const count = await cards.count();
      expect(count, "the chosen programme has at least two fitting cases in the demo data").toBeGreaterThanOrEqual(2);
      const shownCourses = await invited.page.getByTestId("portal-cases").locator("li li strong").allTextContents();
      for (const course of shownCourses) expect(ownCourses, `course ${course} is not of ${person.programme}`).toContain(course);
      const agreementCourses = await invited.page
        .getByTestId("portal-agreement")
        .locator("tbody td:first-child")
        .allTextContents();
      for (const course of agreementCourses) expect(ownCourses).toContain(course);

      // 6. Claim the first case for a course of theirs.
      const first = cards.nth(0);
      const claimedTitle = (await first.locator("h3").textContent()) ?? "";
      await first.getByRole("button", { name: "Dit is voor ons" }).click();
      let portalDialog = invited.page.getByRole("dialog");
      await portalDialog.getByRole("button", { name: "Claimen voor dit vak" }).click();
      await invited.page.getByTestId("portal-proposals").getByText(claimedTitle).first().waitFor();

      // 7. Forward the second to a colleague chosen from those known in the programme (names only, grouped by programme).
      const second = invited.page
        .getByTestId("portal-case")
        .filter({ hasNot: invited.page.getByText(claimedTitle) })
        .first();
      const forwardedTitle = (await second.locator("h3").textContent()) ?? "";
      await second.getByRole("button", { name: "Doorsturen naar collega" }).click();
      portalDialog = invited.page.getByRole("dialog");
      const [known] = await env.db.read(
        `MATCH (x:Person)-[:TEACHES]->(:Course)-[:PART_OF]->(:Programme {id: $programme}) WHERE x.id <> $me
         RETURN x.name AS name ORDER BY toLower(x.name), x.id LIMIT 1`,
        { programme: person.programmeId, me: person.id },
      );
      const colleague = String(known?.name ?? "");
      expect(colleague, "the chosen programme has a teacher in the demo data").not.toBe("");
      const picker = portalDialog.getByLabel("Aan wie?");
      const offered = await picker.locator("option").allTextContents();
      // Names and how they are in the programme, never an address.
      for (const option of offered) expect(option).not.toMatch(/@/);
      const index = offered.findIndex((o) => o.startsWith(`${colleague} (`));
      expect(index, `${colleague} is offered`).toBeGreaterThanOrEqual(0);
      const value = await picker.locator("option").nth(index).getAttribute("value");
      await picker.selectOption(value ?? "");
      // A known colleague needs no name, address or role: those fields are for someone new.
      expect(await portalDialog.getByLabel("Naam van de collega").count()).toBe(0);
      await portalDialog.getByRole("button", { name: "Doorsturen" }).click();
      await invited.page.getByTestId("portal-proposals").getByText(forwardedTitle).first().waitFor();

      await env.screenshot(invited.page, "portal", { fullPage: true });
      await invited.page.setViewportSize({ width: 390, height: 844 });
      await invited.page.reload();
      await invited.page.getByRole("heading", { level: 1, name: `Portaal van ${person.name}` }).waitFor();
      const widths = await invited.page.evaluate(() => ({
        scroll: document.scrollingElement?.scrollWidth ?? 0,
        inner: window.innerWidth,
      }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
      await env.screenshot(invited.page, "portal-phone", { fullPage: true });

      // 8. The coordinator sees the claim, to confirm, and the forward on the cases' pages.
      const [cases] = await env.db.read(
        `MATCH (a:Case {title: $claimed}), (b:Case {title: $forwarded}) RETURN a.id AS claimed, b.id AS forwarded LIMIT 1`,
        { claimed: claimedTitle, forwarded: forwardedTitle },
      );
      await coordinator.page.goto(`/cases/${String(cases?.claimed)}`);
      await coordinator.page.getByTestId("proposal-origin").filter({ hasText: "geclaimd via het portaal" }).first().waitFor();
      await coordinator.page.getByTestId("claim-decision").getByRole("button", { name: "Claim bevestigen" }).waitFor();
      await env.screenshot(coordinator.page, "portal-claim-on-case");
      await coordinator.page.goto(`/cases/${String(cases?.forwarded)}`);
      await coordinator.page.getByTestId("proposal-origin").filter({ hasText: "doorgestuurd" }).first().waitFor();
      await coordinator.page.getByText(colleague).first().waitFor();
      // The claim waits on the to-do page (all coordinators' cases), with a link to the case.
      await coordinator.page.goto("/todo");
      await coordinator.page.getByRole("button", { name: "Alle coördinatoren" }).click();
      const todoClaim = coordinator.page.getByTestId("todo-claim").filter({ hasText: claimedTitle }).first();
      await todoClaim.waitFor();
      expect(await todoClaim.textContent()).toContain(`${person.name} claimt hem voor`);
      await todoClaim.getByRole("link", { name: claimedTitle }).click();
      await coordinator.page.getByRole("heading", { level: 1, name: claimedTitle }).waitFor();
      expect(new URL(coordinator.page.url()).pathname).toBe(`/cases/${String(cases?.claimed)}`);

      // A second use of the link is refused with a clear message.
      const again = await env.newPage({ signedIn: false });
      await again.page.goto(path);
      await again.page.getByText("Deze uitnodiging is al gebruikt").waitFor();
      await env.screenshot(again.page, "invite-link-used");

      await again.context.close();
      await invited.context.close();
      await coordinator.context.close();
    }, 240_000);
  });
}
