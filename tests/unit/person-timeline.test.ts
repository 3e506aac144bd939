import { describe, expect, it } from "vitest";
import type { PersonPageQuery } from "../../client/src/generated/graphql.js";
import { buildPersonTimeline, personRoles } from "../../client/src/modules/people/hooks/personTimeline.js";

const person: PersonPageQuery["people"][number] = {
  __typename: "Person",
  id: "t1",
  name: "Tess",
  jobTitle: null,
  teaches: [
    {
      __typename: "Course",
      id: "c1",
      name: "Webshop",
      kind: "PROJECT",
      programme: [
        {
          __typename: "Programme",
          id: "g1",
          name: "HBO-ICT",
          institution: [{ __typename: "Institution", id: "i1", name: "HvA" }],
        },
      ],
    },
  ],
  coordinates: [],
  directs: [],
  deanOf: [{ __typename: "Institution", id: "i1", name: "HvA" }],
  boardMemberOf: [],
  coordinatorOf: [],
  worksAt: [],
  contactFor: [],
  knowsConnection: { __typename: "PersonKnowsConnection", edges: [] },
  signed: [
    {
      __typename: "Agreement",
      id: "a1",
      scope: "COURSE",
      signedOn: null,
      validFrom: "2026-09-01",
      validTo: null,
      casesPerPeriod: 2,
      courses: [{ __typename: "Course", id: "c1", name: "Webshop" }],
      programmes: [],
      institutions: [],
    },
  ],
  proposalsReceived: [
    {
      __typename: "Proposal",
      id: "p1",
      sentAt: "2026-10-01T09:00:00.000Z",
      answer: "INTERESTED",
      answeredAt: "2026-10-03T09:00:00.000Z",
      withdrawnAt: null,
      case: [{ __typename: "Case", id: "k1", title: "Bakkerij" }],
      course: [{ __typename: "Course", id: "c1", name: "Webshop" }],
    },
  ],
};

const data: PersonPageQuery = {
  __typename: "Query",
  people: [person],
  interactions: [
    {
      __typename: "Interaction",
      id: "x1",
      date: "2026-09-15",
      channel: "EMAIL",
      result: "REPLIED",
      by: [{ __typename: "Person", id: "co", name: "Fleur" }],
      with: [{ __typename: "Person", id: "t1", name: "Tess" }],
      aboutProgramme: [],
      aboutCourse: [{ __typename: "Course", id: "c1", name: "Webshop" }],
    },
  ],
  sprints: [
    {
      __typename: "Sprint",
      id: "s1",
      status: "PLANNED",
      startDate: null,
      endDate: null,
      case: [],
      course: [],
    },
  ],
  cases: [],
};

describe("a person's timeline (client/src/modules/people/hooks/personTimeline.ts)", () => {
  it("puts interactions, proposals and their answers and agreements on one line, newest first; undated sprints stay off", () => {
    const entries = buildPersonTimeline(data, "t1");
    expect(entries.map((e) => [e.kind, e.at])).toEqual([
      ["PROPOSAL_ANSWERED", "2026-10-03T09:00:00.000Z"],
      ["PROPOSAL_SENT", "2026-10-01T09:00:00.000Z"],
      ["INTERACTION", "2026-09-15"],
      ["AGREEMENT_SIGNED", "2026-09-01"],
    ]);
    // The person themself is not listed among the people of their own interaction.
    expect(entries[2]?.people).toEqual([{ __typename: "Person", id: "co", name: "Fleur" }]);
  });

  it("names each role with where it is held and the page to go to", () => {
    expect(personRoles(person).map((r) => [r.kind, r.at.name, r.at.href, r.within?.href ?? null])).toEqual([
      ["TEACHER", "Webshop", "/programmes/g1#course-c1", "/programmes/g1"],
      ["DEAN", "HvA", "/institutions/i1", null],
    ]);
  });
});
