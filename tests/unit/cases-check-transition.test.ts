import { describe, expect, it } from "vitest";
import { CaseStatus } from "../../server/platform/model/graph-enums.js";
import { DomainError } from "../../server/platform/graphql/domain-error.js";
import { caseWorkflowOptions, checkTransition, type CaseAction } from "../../server/domains/case-workflow/check-transition.js";
import { SUGGESTING_STATUSES } from "../../server/domains/suggestions/count-case-suggestions.js";

/** The whole table: every action from every state, allowed or refused, and where it leads. */
const expected: Record<CaseAction, Partial<Record<CaseStatus, CaseStatus | null>>> = {
  QUALIFY: { INTAKE: CaseStatus.QUALIFIED },
  PROPOSE: { QUALIFIED: CaseStatus.PROPOSED, PROPOSED: null },
  MATCH: { PROPOSED: CaseStatus.MATCHED },
  START_SPRINT: { MATCHED: CaseStatus.IN_SPRINT },
  COMPLETE: { IN_SPRINT: CaseStatus.COMPLETED },
  CLOSE: {
    INTAKE: CaseStatus.CLOSED,
    QUALIFIED: CaseStatus.CLOSED,
    PROPOSED: CaseStatus.CLOSED,
    MATCHED: CaseStatus.CLOSED,
    IN_SPRINT: CaseStatus.CLOSED,
  },
};

describe("the case lifecycle table", () => {
  for (const [action, allowed] of Object.entries(expected) as Array<
    [CaseAction, Partial<Record<CaseStatus, CaseStatus | null>>]
  >) {
    for (const status of Object.values(CaseStatus)) {
      if (status in allowed) {
        it(`${action} from ${status} leads to ${allowed[status] ?? "the same state"}`, () => {
          expect(checkTransition(action, status)).toBe(allowed[status]);
        });
      } else {
        it(`${action} from ${status} is refused with ILLEGAL_TRANSITION`, () => {
          let error: unknown;
          try {
            checkTransition(action, status);
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).extensions).toMatchObject({ code: "ILLEGAL_TRANSITION", field: "case" });
          expect((error as DomainError).message).toContain(status);
        });
      }
    }
  }

  it("has no way out of COMPLETED or CLOSED", () => {
    for (const action of Object.keys(expected) as CaseAction[]) {
      expect(() => checkTransition(action, CaseStatus.COMPLETED)).toThrow(DomainError);
      expect(() => checkTransition(action, CaseStatus.CLOSED)).toThrow(DomainError);
    }
  });

  it("lists as allowedActions exactly the actions checkTransition lets through", () => {
    for (const status of Object.values(CaseStatus)) {
      const through = (Object.keys(expected) as CaseAction[]).filter((action) => status in expected[action]);
      expect(caseWorkflowOptions(status).allowedActions, status).toEqual(through);
    }
  });

  it("accepts suggestions in the statuses whose suggestion counts are kept (SUGGESTING_STATUSES)", () => {
    const accepting = Object.values(CaseStatus).filter((status) => caseWorkflowOptions(status).acceptsSuggestions);
    expect(accepting).toEqual([CaseStatus.INTAKE, CaseStatus.QUALIFIED, CaseStatus.PROPOSED]);
    expect([...SUGGESTING_STATUSES].sort()).toEqual([...accepting].sort());
  });
});
