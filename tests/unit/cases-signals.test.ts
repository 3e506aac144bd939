import { describe, expect, it } from "vitest";
import { CASE_AGEING_DAYS, caseSignals } from "../../server/domains/case-workflow/case-signals.js";
import { CaseStatus } from "../../server/platform/model/graph-enums.js";

/** The board card's signals (issue #17 part 7; docs/case-workflow.md "My cases, saved filters, …"). */
describe("caseSignals", () => {
  // Noon in Amsterdam on 10 March 2027.
  const now = new Date("2027-03-10T11:00:00Z");
  const base = { earliestStart: null, deadline: null };

  it("ages a case by whole Amsterdam days in its state, per the state's thresholds", () => {
    const at = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
    expect(caseSignals({ ...base, status: CaseStatus.INTAKE, stateSince: at(6) }, now)).toMatchObject({
      daysInState: 6,
      ageing: null,
    });
    expect(caseSignals({ ...base, status: CaseStatus.INTAKE, stateSince: at(7) }, now).ageing).toBe("AGEING");
    expect(caseSignals({ ...base, status: CaseStatus.INTAKE, stateSince: at(14) }, now).ageing).toBe("STALE");
    expect(caseSignals({ ...base, status: CaseStatus.MATCHED, stateSince: at(29) }, now).ageing).toBeNull();
    expect(caseSignals({ ...base, status: CaseStatus.COMPLETED, stateSince: at(900) }, now).ageing).toBeNull();
    // 23:30 UTC on 9 March is already 10 March in Amsterdam: the same day, 0 days.
    expect(caseSignals({ ...base, status: CaseStatus.INTAKE, stateSince: "2027-03-09T23:30:00Z" }, now).daysInState).toBe(0);
  });

  it("flags the desired start only before a match, and the deadline for any open case", () => {
    const since = now.toISOString();
    const early = { status: CaseStatus.QUALIFIED, stateSince: since, earliestStart: "2027-03-24", deadline: "2027-03-09" };
    expect(caseSignals(early, now)).toMatchObject({ startSignal: "APPROACHING", deadlineSignal: "PASSED", daysToDeadline: -1 });
    expect(caseSignals({ ...early, earliestStart: "2027-03-25" }, now).startSignal).toBeNull();
    expect(caseSignals({ ...early, status: CaseStatus.IN_SPRINT }, now)).toMatchObject({
      startSignal: null,
      deadlineSignal: "PASSED",
    });
    expect(caseSignals({ ...early, status: CaseStatus.CLOSED }, now)).toMatchObject({
      deadlineSignal: null,
      daysToDeadline: null,
    });
  });

  it("has thresholds for every open status, the second after the first, and none for the final ones", () => {
    for (const status of Object.values(CaseStatus)) {
      const t = CASE_AGEING_DAYS[status];
      if (status === CaseStatus.COMPLETED || status === CaseStatus.CLOSED) expect(t).toBeNull();
      else expect(t && t.stale > t.ageing).toBe(true);
    }
  });
});
