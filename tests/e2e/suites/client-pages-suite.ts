import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { E2eEnvironment } from "../support/start-e2e-environment.js";

/**
 * The coordinator's day in the client (#17, parts 1–3): the mapping and an agreement made entirely
 * on the pages (checked in the graph with Cypher), a case's topics edited with the suggestions
 * following, and the person and institution pages showing what the API answers.
 */
export function clientPagesSuite(getEnv: () => E2eEnvironment): void {
  let env: E2eEnvironment;
  beforeAll(() => {
    env = getEnv();
  });

  async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const answer = await env.server.graphql<T>(query, variables);
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    return answer.data as T;
  }

  describe("person and organisation pages, mapping forms and case editing (#17)", () => {
    it("adds a teaching period, a programme with a course and a teacher, then an agreement, entirely in the client", async () => {
      const n = randomInt(1000, 9999);
      const [institution] = await env.db.read(
        `MATCH (i:Institution)<-[:OFFERED_BY]-(g:Programme) WITH i, collect(g.name) AS names ORDER BY i.id LIMIT 1
         RETURN i.id AS id, i.name AS name, names`,
      );
      if (!institution) throw new Error("The demo data has no institution with a programme.");
      const existing = (institution.names as string[])[0] ?? "";
      const { page, context } = await env.newPage();
      await page.goto(`/institutions/${String(institution.id)}`);
      await page.getByRole("heading", { level: 1, name: String(institution.name) }).waitFor();

      // A teaching period: the academic year follows from the start date.
      await page.getByRole("button", { name: "Onderwijsperiode toevoegen" }).click();
      let dialog = page.getByRole("dialog");
      await dialog.getByLabel("Naam van de periode").fill(`Blok T${n}`);
      await dialog.getByLabel("Eindigt op").fill("2027-01-31");
      await dialog.getByLabel("Begint op").fill("2027-02-01");
      await dialog.getByRole("button", { name: "Opslaan" }).click();
      // Validation next to the field, nothing sent.
      await dialog.getByText("Het einde ligt vóór het begin.").waitFor();
      await dialog.getByLabel("Eindigt op").fill("2027-04-16");
      expect(await dialog.getByLabel("Studiejaar").inputValue()).toBe("2026-2027");
      await dialog.getByRole("button", { name: "Opslaan" }).click();
      await page.getByTestId("teaching-calendar").getByText(`Blok T${n}`).waitFor();

      // A programme: a name already at this institution warns before saving.
      await page.getByRole("button", { name: "Opleiding toevoegen" }).click();
      dialog = page.getByRole("dialog");
      await dialog.getByLabel("Naam").fill(existing.toUpperCase());
      await dialog.getByTestId("duplicate-warning").waitFor();
      await dialog.getByLabel("Naam").fill(`Digitale Bedrijfskunde ${n}`);
      expect(await dialog.getByTestId("duplicate-warning").count()).toBe(0);
      await dialog.getByLabel("Niveau").selectOption("BACHELOR");
      await dialog.getByRole("button", { name: "Opslaan" }).click();
      await page.getByRole("heading", { level: 1, name: `Digitale Bedrijfskunde ${n}` }).waitFor();
      const programmeId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");

      // A course that runs in the new period.
      await page.getByRole("button", { name: "Vak toevoegen" }).click();
      dialog = page.getByRole("dialog");
      await dialog.getByLabel("Naam").fill(`Webshop-sprint ${n}`);
      await dialog.getByLabel("Soort vak").selectOption("PROJECT");
      await dialog.getByLabel("Studiejaar (1–8)").fill("9");
      await dialog.getByLabel("Thema's").fill("webshop, e-commerce");
      await dialog.getByLabel(`Blok T${n} 2026-2027`).check();
      await dialog.getByRole("button", { name: "Opslaan" }).click();
      await dialog.getByText("Een studiejaar is een getal van 1 tot en met 8.").waitFor();
      await dialog.getByLabel("Studiejaar (1–8)").fill("2");
      await dialog.getByRole("button", { name: "Opslaan" }).click();
      await page
        .getByTestId("org-courses")
        .getByRole("button", { name: `Docent toevoegen aan Webshop-sprint ${n}` })
        .waitFor();

      // Its teacher, a new person.
      await page.getByRole("button", { name: `Docent toevoegen aan Webshop-sprint ${n}` }).click();
      dialog = page.getByRole("dialog");
      await dialog.getByLabel("Naam").fill(`Sanne Testdocent${n}`);
      await dialog.getByLabel("E-mail").fill(`sanne${n}@example.org`);
      await dialog.getByRole("button", { name: "Opslaan" }).click();
      await page
        .getByTestId("org-courses")
        .getByRole("link", { name: `Sanne Testdocent${n}` })
        .waitFor();

      // The agreement with its five terms.
      await page.getByRole("button", { name: "Afspraak maken" }).click();
      dialog = page.getByRole("dialog");
      await dialog.getByRole("button", { name: "Opslaan" }).click();
      await dialog.getByText("Kies minstens één vak.").waitFor();
      await dialog.getByText("Kies minstens één soort opdracht.").waitFor();
      await dialog.getByLabel(`Webshop-sprint ${n}`).check();
      await dialog.getByLabel("Project", { exact: true }).check();
      await dialog.getByLabel("Casussen per periode").fill("2");
      await dialog.getByLabel("Planning").fill("Casussen vóór de start van het blok");
      await dialog.getByLabel("Proces").fill("Docent kiest uit drie casussen");
      await dialog.getByLabel("Begeleiding").fill("Wekelijks overleg met de ondernemer");
      await dialog.getByLabel("Geldig vanaf").fill("2026-09-01");
      await dialog.getByRole("button", { name: "Opslaan" }).click();
      const remaining = page.getByTestId("agreement-capacity").getByTestId("capacity-remaining");
      await remaining.first().waitFor();
      expect(await remaining.first().textContent()).toBe("2");
      await env.screenshot(page, "programme-page");

      const graph = await env.db.read(
        `MATCH (i:Institution {id: $institution})<-[:OFFERED_BY]-(g:Programme {id: $programme})<-[:PART_OF]-(c:Course)
         MATCH (c)-[:RUNS_IN]->(p:TeachingPeriod)<-[:HAS_PERIOD]-(i)
         MATCH (t:Person)-[:TEACHES]->(c)
         MATCH (a:Agreement)-[:COVERS]->(c)
         RETURN g.name AS programme, g.level AS level, c.name AS course, c.kind AS kind, c.studyYear AS studyYear, c.themes AS themes,
                p.name AS period, p.academicYear AS year, toString(p.startDate) AS start, toString(p.endDate) AS end,
                t.name AS teacher, t.email AS email, a.scope AS scope, a.assignmentTypes AS types, a.casesPerPeriod AS cap,
                a.planning AS planning, a.process AS process, a.supervision AS supervision, toString(a.validFrom) AS validFrom,
                EXISTS { (a)-[:MADE_BY]->(:Workspace) } AS madeByWorkspace`,
        { institution: institution.id, programme: programmeId },
      );
      expect(graph).toEqual([
        {
          programme: `Digitale Bedrijfskunde ${n}`,
          level: "BACHELOR",
          course: `Webshop-sprint ${n}`,
          kind: "PROJECT",
          studyYear: 2,
          themes: ["webshop", "e-commerce"],
          period: `Blok T${n}`,
          year: "2026-2027",
          start: "2027-02-01",
          end: "2027-04-16",
          teacher: `Sanne Testdocent${n}`,
          email: `sanne${n}@example.org`,
          scope: "COURSE",
          types: ["PROJECT"],
          cap: 2,
          planning: "Casussen vóór de start van het blok",
          process: "Docent kiest uit drie casussen",
          supervision: "Wekelijks overleg met de ondernemer",
          validFrom: "2026-09-01",
          madeByWorkspace: true,
        },
      ]);
      // A second teacher of the same name warns and offers to use the one already there.
      await page.getByRole("button", { name: `Docent toevoegen aan Webshop-sprint ${n}` }).click();
      dialog = page.getByRole("dialog");
      await dialog.getByLabel("Naam").fill(`sanne testdocent${n}`);
      await dialog.getByTestId("duplicate-warning").getByText("bij deze instelling").waitFor();
      await dialog.getByRole("button", { name: "Annuleren" }).click();
      await context.close();
    });

    it("edits a case's topics and the suggestions follow; the edit is recorded on the case page", async () => {
      const title = `Onbekende vraag ${randomInt(1000, 9999)}`;
      const intake = await api<{ intakeCase: { caseId: string } }>(
        `mutation ($input: CaseIntakeInput!) { intakeCase(input: $input) { caseId } }`,
        {
          input: {
            title,
            question: "Iets met een webwinkel.",
            topics: ["xyzzy-onbekend"],
            effort: "SPRINT",
            wantedLevels: ["HBO"],
            sme: { name: `${title} BV`, kvkNumber: String(randomInt(10_000_000, 99_999_999)), city: "Utrecht" },
            coordinator: "person-fleur-bakker",
          },
        },
      );
      const caseId = intake.intakeCase.caseId;
      const suggestions = () =>
        api<{ caseSuggestions: Array<{ courseId: string }> }>(
          `query ($case: ID!) { caseSuggestions(case: $case, limit: 10) { courseId } }`,
          {
            case: caseId,
          },
        ).then((d) => d.caseSuggestions.length);
      expect(await suggestions()).toBe(0);

      const { page, context } = await env.newPage();
      await page.goto(`/cases/${caseId}`);
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      await page.getByRole("button", { name: "Casus bewerken" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Onderwerpen").fill("web shop, e-commerce");
      await dialog.getByLabel("HBO").uncheck();
      await dialog.getByRole("button", { name: "Opslaan" }).click();
      await dialog.getByText("Kies minstens één niveau.").waitFor();
      await dialog.getByLabel("HBO").check();
      await dialog.getByRole("button", { name: "Opslaan" }).click();
      await page.getByText("Casus bijgewerkt.").waitFor();

      const after = await suggestions();
      expect(after).toBeGreaterThan(0);
      await expect
        .poll(() => page.locator("#suggestions .suggestion-card, [data-testid='suggestion']").count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      expect(await env.db.read("MATCH (k:Case {id: $id}) RETURN k.topics AS topics", { id: caseId })).toEqual([
        { topics: ["web shop", "e-commerce"] },
      ]);
      const changes = page.getByTestId("case-changes");
      await changes.locator("[data-field='topics']").getByText("xyzzy-onbekend").waitFor();
      await changes.locator("[data-field='topics']").getByText("web shop, e-commerce").waitFor();
      await context.close();
    });

    it("shows a person's roles, ties and timeline, and an institution's programmes, calendar, agreements and embedding, as the API answers", async () => {
      // The teacher with the most ties and at least one proposal.
      const [who] = await env.db.read(
        `MATCH (p:Person)-[:TEACHES]->(:Course) WHERE EXISTS { (p)<-[:TO_TEACHER]-(:Proposal) }
         RETURN p.id AS id, p.name AS name, COUNT { (p)-[:KNOWS]-() } AS ties ORDER BY ties DESC, id LIMIT 1`,
      );
      if (!who) throw new Error("No teacher with a proposal in the demo data.");
      const data = await api<{
        people: Array<{
          teaches: Array<{ id: string }>;
          coordinates: Array<{ id: string }>;
          directs: Array<{ id: string }>;
          deanOf: Array<{ id: string }>;
          boardMemberOf: Array<{ id: string }>;
          knowsConnection: { edges: Array<{ node: { name: string } }> };
          proposalsReceived: Array<{ answer: string | null; answeredAt: string | null }>;
          signed: Array<{ id: string }>;
        }>;
        interactions: Array<{ id: string }>;
        sprints: Array<{ startDate: string | null; endDate: string | null }>;
        cases: Array<{ id: string }>;
      }>(
        `query ($id: ID!) {
          people(where: { id: { eq: $id } }) {
            teaches { id } coordinates { id } directs { id } deanOf { id } boardMemberOf { id }
            knowsConnection(first: 60, sort: [{ edge: { strength: DESC } }]) { edges { node { name } } }
            proposalsReceived(limit: 60) { answer answeredAt } signed(limit: 30) { id } }
          interactions(where: { OR: [{ by: { some: { id: { eq: $id } } } }, { with: { some: { id: { eq: $id } } } }] }, limit: 100) { id }
          sprints(where: { OR: [{ supervisor: { some: { id: { eq: $id } } } }, { course: { some: { teachers: { some: { id: { eq: $id } } } } } }] }, limit: 60) { startDate endDate }
          cases(where: { coordinator: { some: { id: { eq: $id } } } }, limit: 60) { id }
        }`,
        { id: who.id },
      );
      const person = data.people[0];
      if (!person) throw new Error("The API does not know the person.");
      const { page, context } = await env.newPage();
      await page.goto(`/people/${String(who.id)}`);
      await page.getByRole("heading", { level: 1, name: String(who.name) }).waitFor();
      const roles = page.getByTestId("person-roles").locator("li");
      expect(await roles.count()).toBe(
        person.teaches.length +
          person.coordinates.length +
          person.directs.length +
          person.deanOf.length +
          person.boardMemberOf.length,
      );
      const tieNames = await page.getByTestId("person-ties").locator("tbody tr td:first-child a").allTextContents();
      // Ties of equal strength may come in either order.
      expect(tieNames.sort()).toEqual(person.knowsConnection.edges.map((e) => e.node.name).sort());
      const expectedEntries =
        data.interactions.length +
        person.proposalsReceived.length +
        person.proposalsReceived.filter((p) => p.answer && p.answeredAt).length +
        data.sprints.filter((s) => s.startDate ?? s.endDate).length +
        person.signed.length +
        data.cases.length;
      expect(await page.getByTestId("person-timeline").locator("li").count()).toBe(expectedEntries);
      expect(await page.getByTestId("person-timeline").locator("li[data-kind='PROPOSAL_SENT']").count()).toBe(
        person.proposalsReceived.length,
      );
      // Each coordinator's own tie to them (#14 part 6), one row per coordinator the API names.
      const ties = await env.server.graphql<{ coordinatorTies: Array<{ coordinator: { id: string } }> }>(
        "query ($id: ID!) { coordinatorTies(person: $id) { coordinator { id } } }",
        { id: who.id },
      );
      expect(ties.errors).toBeUndefined();
      await expect
        .poll(() => page.getByTestId("coordinator-tie").count(), { timeout: 15_000 })
        .toBe(ties.data?.coordinatorTies.length ?? -1);
      await env.screenshot(page, "person-page");

      // The institution of one of the teacher's courses, reached by its link on the person page.
      const [inst] = await env.db.read(
        `MATCH (:Person {id: $id})-[:TEACHES]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i:Institution)
         RETURN i.id AS id, i.name AS name ORDER BY i.id LIMIT 1`,
        { id: who.id },
      );
      if (!inst) throw new Error("The teacher's course has no institution.");
      await page
        .getByTestId("person-roles")
        .getByRole("link", { name: String(inst.name) })
        .first()
        .click();
      await page.getByRole("heading", { level: 1, name: String(inst.name) }).waitFor();
      const org = await api<{
        institutions: Array<{
          programmes: Array<{
            name: string;
            agreements: Array<{ id: string }>;
            courses: Array<{ agreements: Array<{ id: string }> }>;
          }>;
          teachingPeriods: Array<{ id: string }>;
          agreements: Array<{ id: string }>;
        }>;
        embedding: { verdict: string; verdictReasonNl: string };
      }>(
        `query ($id: ID!) {
          institutions(where: { id: { eq: $id } }) {
            programmes(limit: 60, sort: [{ name: ASC }]) { name agreements(limit: 20) { id } courses(limit: 40) { agreements(limit: 10) { id } } }
            teachingPeriods(limit: 40) { id } agreements(limit: 20) { id } }
          embedding(institution: $id) { ... on InstitutionEmbedding { verdict verdictReasonNl } }
        }`,
        { id: inst.id },
      );
      const i = org.institutions[0];
      if (!i) throw new Error("The API does not know the institution.");
      const programmeNames = await page.getByTestId("org-programmes").locator("tbody tr td:first-child a").allTextContents();
      expect(programmeNames).toEqual(i.programmes.map((p) => p.name));
      expect(await page.getByTestId("teaching-calendar").locator("tbody tr").count()).toBe(i.teachingPeriods.length);
      const agreementIds = new Set([
        ...i.agreements.map((a) => a.id),
        ...i.programmes.flatMap((p) => [...p.agreements, ...p.courses.flatMap((c) => c.agreements)].map((a) => a.id)),
      ]);
      const shown = await page
        .getByTestId("org-agreements")
        .locator("li[data-agreement]")
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-agreement") ?? ""));
      expect(new Set(shown)).toEqual(agreementIds);
      await page.getByTestId("embedding-verdict").getByText(org.embedding.verdictReasonNl).waitFor();
      await env.screenshot(page, "institution-page");
      await context.close();

      // The same pages on a phone.
      const phone = await env.newPage({ width: 390, height: 844 });
      await phone.page.goto(`/people/${String(who.id)}`);
      await phone.page.getByRole("heading", { level: 1, name: String(who.name) }).waitFor();
      await env.screenshot(phone.page, "person-page-phone");
      await phone.page.goto(`/institutions/${String(inst.id)}`);
      await phone.page.getByTestId("embedding-verdict").waitFor();
      await env.screenshot(phone.page, "institution-page-phone");
      await phone.context.close();
    });
  });
}
