import { describe, expect, it } from "vitest";
import { trendOf } from "../../server/domains/network/compute-embedding.js";
import { EmbeddingVerdict } from "../../server/domains/network/EmbeddingTypes.js";
import {
  judgeInstitution,
  judgeProgramme,
  type InstitutionJudgementInput,
} from "../../server/domains/network/judge-embedding.js";
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

  it("gives a programme GREEN only with depth and redundancy; one thread is at best AMBER", () => {
    const v = (threads: number, level: number) => judgeProgramme({ name: "P", threads, level, hangsOn: ["Bram"] }).verdict;
    expect([v(0, 0), v(1, 1), v(2, 2), v(2, 3), v(3, 5)]).toEqual(["RED", "RED", "AMBER", "GREEN", "GREEN"]);
    expect([v(1, 3), v(1, 4), v(1, 5), v(0, 3), v(0, 5)]).toEqual(["AMBER", "AMBER", "AMBER", "AMBER", "AMBER"]);
    expect(judgeProgramme({ name: "P", threads: 1, level: 5, hangsOn: ["Bram de Wit"] })).toEqual({
      verdict: "AMBER",
      verdictReasonEn: "Deep (level 5 (board)), but hangs on one person: Bram de Wit.",
      verdictReasonNl: "Diep (niveau 5 (bestuur)), maar hangt aan één persoon: Bram de Wit.",
    });
    expect(judgeProgramme({ name: "P", threads: 1, level: 1, hangsOn: ["Anna", "Bram"] }).verdictReasonEn).toBe(
      "One thread at teacher level: P hangs on one thread: every warm route runs through Anna and Bram.",
    );
  });

  it("gives an institution GREEN only with 2 threads, a green programme, 25% reached and at most half on one thread", () => {
    const green = { name: "G", threads: 2, level: 3, verdict: EmbeddingVerdict.GREEN };
    const single = { name: "S", threads: 1, level: 1, verdict: EmbeddingVerdict.RED };
    const base: InstitutionJudgementInput = {
      name: "I",
      threads: 2,
      roleHolders: 8,
      reachedRoleHolders: 2,
      hangsOn: [],
      programmes: [green, single],
    };
    const v = (over: Partial<InstitutionJudgementInput>) => judgeInstitution({ ...base, ...over }).verdict;
    expect(v({})).toBe("GREEN"); // 2 of 8 reached is exactly 25%; 1 of 2 on one thread is exactly half
    expect(v({ reachedRoleHolders: 1 })).toBe("AMBER");
    expect(v({ programmes: [green, single, single] })).toBe("AMBER");
    expect(v({ threads: 1, hangsOn: ["Hanna"] })).toBe("AMBER");
    expect(v({ programmes: [{ ...green, threads: 1, verdict: EmbeddingVerdict.AMBER }, single] })).toBe("AMBER");
    expect(v({ threads: 0, programmes: [single] })).toBe("RED");
    expect(v({ threads: 0, programmes: [{ ...green, level: 3 }] })).toBe("AMBER");
    expect(judgeInstitution({ ...base, roleHolders: 27 }).verdictReasonEn).toBe(
      "Only 2 of 27 role holders reached at I (25% needed for green).",
    );
    expect(judgeInstitution({ ...base, threads: 1, hangsOn: ["Hanna Hub"] }).verdictReasonNl).toBe(
      "I hangt aan één persoon: Hanna Hub.",
    );
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
