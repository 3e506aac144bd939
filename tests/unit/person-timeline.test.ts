import { describe, expect, it } from "vitest";
import type { PersonPageQuery } from "../../client/src/generated/graphql.js";
import { buildPersonTimeline, personRoles } from "../../client/src/modules/people/hooks/personTimeline.js";

const person: PersonPageQuery["people"][number] = {
  id: "t1",
  name: "Tess",
  jobTitle: null,
  teaches: [
    {
      id: "c1",
      name: "Webshop",
      kind: "PROJECT",
      programme: [
        {
          id: "g1",
          name: "HBO-ICT",
          institution: [{ id: "i1", name: "HvA" }],
        },
      ],
    },
  ],
  coordinates: [],
  directs: [],
  deanOf: [{ id: "i1", name: "HvA" }],
  boardMemberOf: [],
  coordinatorOf: [],
  worksAt: [],
  contactFor: [],
  knowsConnection: { edges: [] },
  signed: [
    {
      id: "a1",
      scope: "COURSE",
      signedOn: null,
      validFrom: "2026-09-01",
      validTo: null,
      casesPerPeriod: 2,
      courses: [{ id: "c1", name: "Webshop" }],
      programmes: [],
      institutions: [],
    },
  ],
  proposalsReceived: [
    {
      id: "p1",
      sentAt: "2026-10-01T09:00:00.000Z",
      answer: "INTERESTED",
      answeredAt: "2026-10-03T09:00:00.000Z",
      withdrawnAt: null,
      case: [{ id: "k1", title: "Bakkerij" }],
      course: [{ id: "c1", name: "Webshop" }],
    },
  ],
};

const data: PersonPageQuery = {
  people: [person],
  interactions: [
    {
      id: "x1",
      date: "2026-09-15",
      channel: "EMAIL",
      result: "REPLIED",
      by: [{ id: "co", name: "Fleur" }],
      with: [{ id: "t1", name: "Tess" }],
      aboutProgramme: [],
      aboutCourse: [{ id: "c1", name: "Webshop" }],
    },
  ],
  sprints: [
    {
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
    expect(entries[2]?.people).toEqual([{ id: "co", name: "Fleur" }]);
  });

  it("names each role with where it is held and the page to go to", () => {
    expect(personRoles(person).map((r) => [r.kind, r.at.name, r.at.href, r.within?.href ?? null])).toEqual([
      ["TEACHER", "Webshop", "/programmes/g1#course-c1", "/programmes/g1"],
      ["DEAN", "HvA", "/institutions/i1", null],
    ]);
  });
});
