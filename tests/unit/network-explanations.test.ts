import { describe, expect, it } from "vitest";
import { institutionVerdict, trendOf } from "../../server/domains/network/compute-embedding.js";
import { ladderLevel, ladderRungs } from "../../server/domains/network/evaluate-ladder.js";
import { explainWarmPath } from "../../server/domains/network/explain-warm-path.js";
import { NetworkRoleKind, type PathRole } from "../../server/domains/network/WarmPathTypes.js";

const teacher: PathRole = {
  kind: NetworkRoleKind.TEACHER,
  labelEn: "teacher",
  labelNl: "docent",
  courseId: "k1",
  courseName: "Data Sprint",
  programmeId: "g1",
  programmeName: "Data Science",
  institutionId: "i1",
  institutionName: "Hogeschool van Amsterdam",
  organisation: "Data Science, HvA",
};
const dean: PathRole = {
  ...teacher,
  kind: NetworkRoleKind.DEAN,
  labelEn: "dean",
  labelNl: "decaan",
  courseId: null,
  courseName: null,
  programmeId: null,
  programmeName: null,
  organisation: "HvA",
};
const tie = (channel: string | null, since: string | null) => ({
  strength: 0.8,
  channel,
  since,
  lastContact: null,
  manual: false,
});

describe("explainWarmPath", () => {
  const steps = [
    { person: { name: "Sanne Visser", roles: [] }, tie: null },
    { person: { name: "Bram de Wit", roles: [teacher] }, tie: tie("COLLEAGUE", "2021-04-01") },
    { person: { name: "Eva Jansen", roles: [dean] }, tie: tie("WARM_INTRODUCTION", null) },
    { person: { name: "Piet Bakker", roles: [] }, tie: tie("OTHER", "2019-01-01") },
  ];

  it("reads out in English with first names, roles, channel and year", () => {
    expect(explainWarmPath(steps, "en")).toBe(
      "Sanne knows Bram de Wit (teacher, Data Science, HvA) as a colleague since 2021; Bram knows Eva Jansen (dean, HvA) through an introduction; Eva knows Piet Bakker since 2019.",
    );
  });

  it("reads out in Dutch", () => {
    expect(explainWarmPath(steps, "nl")).toBe(
      "Sanne kent Bram de Wit (docent, Data Science, HvA) als collega sinds 2021; Bram kent Eva Jansen (decaan, HvA) via een introductie; Eva kent Piet Bakker sinds 2019.",
    );
  });

  it("says nothing for a path of one person", () => {
    expect(explainWarmPath(steps.slice(0, 1), "en")).toBe("");
  });
});

describe("ladder, verdict and trend rules", () => {
  const none = {
    managementWithWarmTie: [],
    managementWhoSigned: [],
    structuralAgreements: [],
    sprintPeriods: [],
    boardAgreements: [],
  };

  it("takes the highest rung that holds, each checked on its own", () => {
    expect(ladderLevel(ladderRungs(0, none))).toBe(0);
    expect(ladderLevel(ladderRungs(1, none))).toBe(1);
    expect(ladderLevel(ladderRungs(2, none))).toBe(2);
    expect(ladderLevel(ladderRungs(0, { ...none, managementWhoSigned: ["x"] }))).toBe(3);
    expect(ladderLevel(ladderRungs(1, { ...none, sprintPeriods: ["p1"] }))).toBe(1);
    expect(ladderLevel(ladderRungs(1, { ...none, sprintPeriods: ["p1", "p2"] }))).toBe(4);
    expect(ladderLevel(ladderRungs(0, { ...none, boardAgreements: ["a"] }))).toBe(5);
  });

  it("gives an institution RED, AMBER or GREEN from its threads and its best programme", () => {
    expect(institutionVerdict(0, 2)).toBe("RED");
    expect(institutionVerdict(0, 3)).toBe("AMBER");
    expect(institutionVerdict(1, 5)).toBe("AMBER");
    expect(institutionVerdict(2, 2)).toBe("AMBER");
    expect(institutionVerdict(2, 3)).toBe("GREEN");
  });

  it("calls the trend by sprints plus agreements against a year earlier", () => {
    expect(
      trendOf({ sprints: 3, agreements: 1, openProposals: 0 }, { sprints: 1, agreements: 2, openProposals: 5 }).direction,
    ).toBe("UP");
    expect(
      trendOf({ sprints: 1, agreements: 1, openProposals: 9 }, { sprints: 1, agreements: 1, openProposals: 0 }).direction,
    ).toBe("FLAT");
    expect(trendOf({ sprints: 0, agreements: 1, openProposals: 0 }, { sprints: 2, agreements: 0, openProposals: 0 })).toEqual({
      sprints: -2,
      agreements: 1,
      openProposals: 0,
      direction: "DOWN",
    });
  });
});
