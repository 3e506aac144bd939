import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { E2eEnvironment } from "../support/start-e2e-environment.js";

/**
 * The coordinator's judgement in the browser (#12): a follow-up on an open proposal is recorded
 * without a new proposal, and a match the server refuses as a level mismatch can be pushed through
 * with a reason, which the timeline keeps. The case is prepared through the API (intake, qualify,
 * propose its best suggestion); the steps a coordinator takes by hand are taken on the page.
 */
export function overrideSuite(getEnv: () => E2eEnvironment): void {
  let env: E2eEnvironment;
  beforeAll(() => {
    env = getEnv();
  });

  async function api<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const answer = await env.server.graphql<T>(query, variables);
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    return answer.data as T;
  }

  interface Suggestion {
    courseId: string;
    courseName: string;
    courseLevels: string[];
    teacherId: string | null;
    teacherName: string | null;
    periodId: string | null;
    hasAgreement: boolean;
    remainingPlaces: number | null;
  }

  /** An HBO case proposed to the teacher of its best suggestion that has an agreement with room. */
  async function proposedCase(title: string) {
    const kvk = String(randomInt(10_000_000, 99_999_999));
    const intake = await api<{ intakeCase: { caseId: string } }>(
      `mutation ($input: CaseIntakeInput!) { intakeCase(input: $input) { caseId } }`,
      {
        input: {
          title,
          question: "Een webshop voor afhalen en bezorgen.",
          topics: ["web shop", "e-commerce"],
          effort: "SPRINT",
          wantedLevels: ["HBO"],
          earliestStart: "2027-01-15",
          deadline: "2027-06-30",
          sme: { name: `${title} BV`, kvkNumber: kvk, city: "Utrecht" },
          coordinator: "person-fleur-bakker",
        },
      },
    );
    const caseId = intake.intakeCase.caseId;
    await api(`mutation ($case: ID!) { qualifyCase(case: $case) { to } }`, { case: caseId });
    const { caseSuggestions } = await api<{ caseSuggestions: Suggestion[] }>(
      `query ($case: ID!) { caseSuggestions(case: $case, limit: 30) {
         courseId courseName courseLevels teacherId teacherName periodId hasAgreement remainingPlaces } }`,
      { case: caseId },
    );
    const best = caseSuggestions.find(
      (s) => s.teacherId && s.periodId && s.hasAgreement && (s.remainingPlaces === null || s.remainingPlaces > 0),
    );
    if (!best?.teacherId || !best.periodId) throw new Error(`No suggestion with a teacher and room for ${title}.`);
    const { proposeCase } = await api<{ proposeCase: { id: string } }>(
      `mutation ($case: ID!, $teacher: ID!, $course: ID!) {
         proposeCase(case: $case, teacher: $teacher, course: $course, channel: EMAIL, force: false) { id } }`,
      { case: caseId, teacher: best.teacherId, course: best.courseId },
    );
    return { caseId, proposalId: proposeCase.id, best };
  }

  describe("a coordinator's judgement on the case page", () => {
    it("logs a follow-up on an open proposal, and matches a level mismatch anyway with a reason the timeline keeps", async () => {
      const title = `Afhaalwebshop ${randomInt(1000, 9999)}`;
      const { caseId, proposalId, best } = await proposedCase(title);
      const { page, context } = await env.newPage();
      await page.goto(`/cases/${caseId}`);
      await page.getByRole("heading", { level: 1, name: title }).waitFor();

      // 1. A reminder by phone: recorded on the proposal, which stays the only one and stays open.
      await page.getByRole("button", { name: `Opvolging bij ${best.teacherName} vastleggen` }).click();
      const followUp = page.getByRole("dialog");
      await followUp.getByLabel("Hoe").selectOption("PHONE");
      await followUp.getByLabel("Notitie").fill("Gebeld, ze kijkt er vrijdag naar");
      await followUp.getByRole("button", { name: "Vastleggen" }).click();
      await page.getByText(`Opvolging bij ${best.teacherName} vastgelegd.`).waitFor();
      await page
        .getByTestId("proposal")
        .getByText(/Opvolging:/)
        .waitFor();
      const recorded = await env.db.read(
        `MATCH (k:Case {id: $case})<-[:OF_CASE]-(p:Proposal)
         OPTIONAL MATCH (p)-[:HAD_FOLLOW_UP]->(u:ProposalFollowUp)
         RETURN p.id AS proposal, p.answer AS answer, collect([u.channel, u.note]) AS followUps`,
        { case: caseId },
      );
      expect(recorded).toEqual([
        { proposal: proposalId, answer: null, followUps: [["PHONE", "Gebeld, ze kijkt er vrijdag naar"]] },
      ]);

      // 2. The teacher is interested, but the case turns out to want another level than the course's
      //    institution teaches (the SME's question changed): matching is refused, overridable.
      await api(`mutation ($p: ID!) { answerProposal(proposal: $p, answer: INTERESTED) { id } }`, { p: proposalId });
      const otherLevel = ["MBO", "HBO", "WO"].find((level) => !best.courseLevels.includes(level));
      await env.db.write("MATCH (k:Case {id: $case}) SET k.wantedLevels = [$level]", { case: caseId, level: otherLevel });
      await page.reload();
      await page.getByRole("button", { name: `${title} matchen in een sprint` }).click();
      const match = page.getByRole("dialog");
      await match.getByLabel("Vak").selectOption(best.courseId);
      const period = match.getByLabel("Onderwijsperiode");
      await expect.poll(() => period.locator("option").count(), { timeout: 15_000 }).toBeGreaterThan(1);
      await period.selectOption(best.periodId ?? "");
      await match.getByRole("button", { name: "Matchen", exact: true }).click();
      const prompt = page.getByTestId("override-prompt");
      await prompt.waitFor();
      // In the user's words, not the API's ("Pass force: true …").
      const why = (await prompt.textContent()) ?? "";
      expect(why).toContain(`maar de casus vraagt ${otherLevel}.`);
      expect(why).toContain("niveau past niet");
      expect(why).not.toContain("force");
      // Without a reason nothing is sent again.
      await prompt.getByRole("button", { name: "Toch doorzetten" }).click();
      await prompt.getByText("Doorzetten vraagt een reden.").waitFor();
      expect(await env.db.read("MATCH (k:Case {id: $case}) RETURN k.status AS status", { case: caseId })).toEqual([
        { status: "PROPOSED" },
      ]);
      await env.screenshot(page, "case-override-prompt");
      await prompt.getByLabel("Reden om door te zetten").fill("Het team van dit vak neemt het gevraagde niveau op zich");
      await prompt.getByRole("button", { name: "Toch doorzetten" }).click();
      await page.getByTestId("case-status").getByText("Gematcht").waitFor();

      const event = await env.db.read(
        `MATCH (:Case {id: $case})-[:HAD_EVENT]->(e:CaseEvent {to: 'MATCHED'}) RETURN e.reason AS reason, e.overrode AS overrode`,
        { case: caseId },
      );
      expect(event).toEqual([
        { reason: "Het team van dit vak neemt het gevraagde niveau op zich", overrode: ["LEVEL_MISMATCH"] },
      ]);
      // The timeline on the page shows the reason.
      await page.getByText("Het team van dit vak neemt het gevraagde niveau op zich").first().waitFor();
      await context.close();
    });
  });
}
