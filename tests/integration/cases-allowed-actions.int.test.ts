import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { instant, ok, refused, seedCase } from "./cases-graph-fixtures.js";

/**
 * What a case may do next, as the client gets it (caseWorkflow and the board's cards): for every
 * status the steps the transition table allows, and whether suggestions still matter — and the
 * listed steps are the ones the mutations take, the others the ones they refuse.
 */
let db: Database;
let server: TestServer;

type Status = "INTAKE" | "QUALIFIED" | "PROPOSED" | "MATCHED" | "IN_SPRINT" | "COMPLETED" | "CLOSED";
const STATUSES: Status[] = ["INTAKE", "QUALIFIED", "PROPOSED", "MATCHED", "IN_SPRINT", "COMPLETED", "CLOSED"];

/** The lifecycle of docs/case-workflow.md, written out: what each status offers. */
const expected: Record<Status, { allowedActions: string[]; acceptsSuggestions: boolean }> = {
  INTAKE: { allowedActions: ["QUALIFY", "CLOSE"], acceptsSuggestions: true },
  QUALIFIED: { allowedActions: ["PROPOSE", "CLOSE"], acceptsSuggestions: true },
  PROPOSED: { allowedActions: ["PROPOSE", "MATCH", "CLOSE"], acceptsSuggestions: true },
  MATCHED: { allowedActions: ["START_SPRINT", "CLOSE"], acceptsSuggestions: false },
  IN_SPRINT: { allowedActions: ["COMPLETE", "CLOSE"], acceptsSuggestions: false },
  COMPLETED: { allowedActions: [], acceptsSuggestions: false },
  CLOSED: { allowedActions: [], acceptsSuggestions: false },
};

const WORKFLOW = `query($case: ID!) { caseWorkflow(case: $case) { caseId status allowedActions acceptsSuggestions } }`;
const BOARD = `{ caseBoard(first: 200) { columns { status } cards { id status allowedActions acceptsSuggestions } } }`;
const QUALIFY = `mutation($case: ID!) { qualifyCase(case: $case) { to } }`;
const CLOSE = `mutation($case: ID!) { closeCase(case: $case, reason: WITHDRAWN) { to } }`;

interface Workflow {
  caseId: string;
  status: Status;
  allowedActions: string[];
  acceptsSuggestions: boolean;
}

async function workflow(caseId: string): Promise<Workflow | null> {
  return (await ok<{ caseWorkflow: Workflow | null }>(server, WORKFLOW, { case: caseId })).caseWorkflow;
}

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  server = await startTestServer(db);
  // Per status: one case to read, one to qualify, one to close (seeded complete enough to qualify).
  for (const [i, status] of STATUSES.entries()) {
    for (const use of ["read", "qualify", "close"])
      await seedCase(db, { id: `${use}-${status}`, status, created: instant(-1 + i / 24) });
  }
});

afterAll(async () => {
  await server?.http.close();
  await db?.close();
});

describe("allowedActions and acceptsSuggestions", () => {
  for (const status of STATUSES) {
    it(`lists ${expected[status].allowedActions.join(", ") || "nothing"} for a case in ${status}`, async () => {
      expect(await workflow(`read-${status}`)).toEqual({ caseId: `read-${status}`, status, ...expected[status] });
    });
  }

  it("gives every card on the board the same, and every status as a column in lifecycle order", async () => {
    const board = (
      await ok<{ caseBoard: { columns: Array<{ status: Status }>; cards: Array<Workflow & { id: string }> } }>(server, BOARD)
    ).caseBoard;
    expect(board.columns.map((c) => c.status)).toEqual(STATUSES);
    expect(board.cards).toHaveLength(STATUSES.length * 3);
    for (const card of board.cards) {
      expect({ allowedActions: card.allowedActions, acceptsSuggestions: card.acceptsSuggestions }, card.id).toEqual(
        expected[card.status],
      );
    }
  });

  it("lists exactly the steps the mutations take: qualifying and closing succeed where listed, are refused elsewhere", async () => {
    for (const status of STATUSES) {
      for (const [action, mutation, to] of [
        ["QUALIFY", QUALIFY, "QUALIFIED"],
        ["CLOSE", CLOSE, "CLOSED"],
      ] as const) {
        const caseId = `${action === "QUALIFY" ? "qualify" : "close"}-${status}`;
        const listed = (await workflow(caseId))?.allowedActions.includes(action);
        if (listed) {
          const data = await ok<Record<string, { to: string }>>(server, mutation, { case: caseId });
          expect(Object.values(data)[0]?.to, `${action} from ${status}`).toBe(to);
        } else {
          const error = await refused(server, mutation, { case: caseId });
          expect(error.extensions?.code, `${action} from ${status}`).toBe("ILLEGAL_TRANSITION");
        }
      }
    }
  });

  it("follows the case: after qualifying, the steps are those of QUALIFIED", async () => {
    expect((await workflow("qualify-INTAKE"))?.status).toBe("QUALIFIED");
    expect(await workflow("qualify-INTAKE")).toMatchObject(expected.QUALIFIED);
  });

  it("is null for a case that does not exist", async () => {
    expect(await workflow("no-such-case")).toBeNull();
  });

  it("gives the case page the deadline and ageing signals of the case's board card (#17 part 7, case-signals.ts)", async () => {
    // One case 20 days in INTAKE (stale after 14) with its deadline in 3 days: both signals on.
    await db.write(
      `MATCH (k:Case {id: 'read-INTAKE'})-[:HAD_EVENT]->(e:CaseEvent {to: 'INTAKE'})
       SET k.deadline = date($deadline), e.at = datetime($at), k.created = datetime($at)`,
      { deadline: instant(3).slice(0, 10), at: instant(-20) },
    );
    const fields = "daysInState ageing startSignal deadlineSignal daysToDeadline";
    const board = (
      await ok<{ caseBoard: { cards: Array<Record<string, unknown> & { id: string }> } }>(
        server,
        `{ caseBoard(first: 200) { cards { id ${fields} } } }`,
      )
    ).caseBoard.cards;
    for (const card of board) {
      const { id, ...onCard } = card;
      const page = await ok<{ caseWorkflow: { signals: Record<string, unknown> } }>(
        server,
        `query($case: ID!) { caseWorkflow(case: $case) { signals { ${fields} } } }`,
        { case: id },
      );
      expect(page.caseWorkflow.signals, id).toEqual(onCard);
    }
    const stale = board.find((c) => c.id === "read-INTAKE");
    expect(stale).toMatchObject({ ageing: "STALE", deadlineSignal: "APPROACHING" });
  });
});
