import { describe, expect, it } from "vitest";
import { statementExports } from "../helpers/statement-exports.js";
import { CATALOGUE_VERSION_BUMP_START, touchesCatalogue } from "../../server/platform/neo4j/catalogue-version.js";

/**
 * Every writer of the courses' catalogue moves the catalogue version in its own statement
 * (server/platform/neo4j/catalogue-version.ts): the suggestions' held catalogue trusts it, so a writer that forgets it
 * would serve stale suggestions. This reads every statements.ts under server/ (new domains included without a change
 * here) and fails on an exported statement, or statement builder, that writes and names one of the catalogue's labels
 * or relationship types without bumpingCatalogueVersion, unless `writesOtherThanCatalogue` says why it need not.
 */

/** Statements that write and name the catalogue, but change none of it (`file:NAME` → why). */
const sprint = "makes a sprint: sprints are counted live, the catalogue holds none";
const lock = "takes a node's lock (a property set and removed in one statement): no fact changes";
const proposal = "makes a proposal, which names a course but changes none of it";
const writesOtherThanCatalogue: Record<string, string> = {
  "server/domains/case-workflow/statements.ts:CREATE_SPRINT": sprint,
  "server/domains/invitations/statements.ts:READ_INVITEE": "locks a person and reads their roles",
  "server/domains/network/statements.ts:CREATE_PROGRAMME_SNAPSHOTS": "writes embedding snapshots of programmes",
  "server/domains/network/statements.ts:CREATE_INSTITUTION_SNAPSHOTS": "writes embedding snapshots of institutions",
  "server/domains/outreach/statements.ts:LOCK_AND_READ_PROGRAMME": lock,
  "server/domains/outreach/statements.ts:LOCK_AND_READ_COURSE": lock,
  "server/domains/outreach/statements.ts:WRITE_PROGRAMME_MAPPING_STATUS":
    "sets the mapping status, which the catalogue does not hold",
  "server/domains/outreach/statements.ts:WRITE_COURSE_MAPPING_STATUS":
    "sets the mapping status, which the catalogue does not hold",
  "server/domains/outreach/statements.ts:CREATE_INTERACTION":
    "an interaction's ABOUT link to a programme or course, not a course's to a topic",
  "server/domains/outreach/statements.ts:CREATE_EXAMPLE_ASSIGNMENT": "an example assignment for a course",
  "server/domains/portal/statements.ts:FIND_PERSON_IN_PROGRAMME_BY_NAME": "sets a person's e-mail and job title",
  "server/domains/proposals/statements.ts:CREATE_PROPOSAL": proposal,
  "server/domains/proposals/statements.ts:CREATE_CLAIM": proposal,
  "server/domains/proposals/statements.ts:CREATE_FORWARD": proposal,
  "server/domains/spreadsheets/statements.ts:IMPORT_PEOPLE":
    "people and their roles (TEACHES, COORDINATES, …), none of them held",
  "server/domains/suggestions/statements.ts:REFRESH_SUGGESTION_COUNT": "writes a case's suggestion count",
  "server/domains/suggestions/statements.ts:REFRESH_SUGGESTION_COUNTS": "writes the cases' suggestion counts",
  "server/domains/vocabulary/statements.ts:LOCK_TOPIC": lock,
  "server/domains/vocabulary/statements.ts:ADD_TOPIC_SYNONYMS": "synonyms, which the catalogue does not hold",
  "server/domains/vocabulary/statements.ts:SET_TOPIC_SYNONYMS": "synonyms, which the catalogue does not hold",
  "server/domains/vocabulary/statements.ts:MERGE_PROPOSED_TOPICS":
    "a case's new word as a proposed topic: no course is about it and it has no BROADER link yet, so no case finds a course through it (the catalogue leaves out a topic it does not hold)",
};

describe("the catalogue version", () => {
  it("is bumped by every statement that writes the catalogue", async () => {
    const missing: string[] = [];
    const bumping: string[] = [];
    for (const { key, value, text } of await statementExports()) {
      if (!touchesCatalogue(text)) continue;
      if (writesOtherThanCatalogue[key]) continue;
      const bumps =
        typeof value === "string" ? value.startsWith(CATALOGUE_VERSION_BUMP_START) : /bumpingCatalogueVersion\)?\(/.test(text);
      (bumps ? bumping : missing).push(key);
    }
    expect(missing, "statements that write the catalogue without bumpingCatalogueVersion").toEqual([]);
    // The writers known today, so that a change of the check itself that finds none is noticed.
    expect(bumping).toEqual(
      expect.arrayContaining([
        "server/domains/spreadsheets/statements.ts:IMPORT_COURSES",
        "server/domains/spreadsheets/statements.ts:IMPORT_TEACHING_PERIODS",
        "server/domains/spreadsheets/statements.ts:IMPORT_AGREEMENTS",
        "server/domains/vocabulary/statements.ts:linkTopicsStatement",
        "server/domains/vocabulary/statements.ts:SET_TOPIC_LINKS",
        "server/domains/vocabulary/statements.ts:MERGE_TOPIC_INTO",
      ]),
    );
  });

  it("is bumped by the generated API's writes that name the catalogue, and only by writes", () => {
    expect(touchesCatalogue("MATCH (this:Course) SET this.name = $p")).toBe(true);
    expect(touchesCatalogue("MATCH (this:`TeachingPeriod`) DETACH DELETE this")).toBe(true);
    expect(touchesCatalogue("MATCH (a:Case) MERGE (a)-[:ABOUT]->(b)")).toBe(true);
    expect(touchesCatalogue("MATCH (this:Agreement) SET this.casesPerPeriod = $p")).toBe(true);
    expect(touchesCatalogue("MATCH (this:Course) RETURN this { .name }")).toBe(false);
    expect(touchesCatalogue("MATCH (this:Case) SET this.title = $p")).toBe(false);
  });
});
