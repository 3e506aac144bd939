import type { Tx } from "../../platform/neo4j/database.js";
import { CaseStatus } from "../../platform/model/graph-enums.js";
import type { CaseBoard, CaseBoardFilter, CaseCard } from "./case-types.js";
import { SUGGESTING_STATUSES } from "../suggestions/index.js";
import { topicWithNarrower } from "../vocabulary/index.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { caseWorkflowOptions } from "./check-transition.js";
import { caseSignals } from "./case-signals.js";
import { readCaseBoardStatement } from "./statements.js";

export const MAX_BOARD_PAGE = 200;

export function encodeBoardCursor(created: string, id: string): string {
  return Buffer.from(JSON.stringify([created, id])).toString("base64url");
}

export function decodeBoardCursor(cursor: string): { created: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && typeof value[0] === "string" && typeof value[1] === "string")
      return { created: value[0], id: value[1] };
  } catch {
    // falls through to the refusal below
  }
  throw new DomainError(ErrorCode.BAD_USER_INPUT, "after is not a cursor this board gave out.", "after");
}

/**
 * The case board in one query (readCaseBoardStatement): the count per status column for the filter, and one page of cards
 * (newest first, keyset-paginated on created + id, read in the order of the `created` index) with
 * SME, partner, coordinator, open proposals and, for cases still being matched, the stored
 * suggestion count (count-case-suggestions.ts).
 */
export async function readCaseBoard(
  tx: Tx,
  filter: CaseBoardFilter,
  first: number,
  after: string | null,
  now: string,
  /** The signed-in account's person, for `filter.mine` (resolve-actor.ts); null when the account is linked to none. */
  me: string | null = null,
): Promise<CaseBoard> {
  if (!Number.isInteger(first) || first < 0 || first > MAX_BOARD_PAGE) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `first must be between 0 and ${MAX_BOARD_PAGE}.`, "first");
  }
  if (filter.mine && !me) {
    throw new DomainError(
      ErrorCode.BAD_USER_INPUT,
      "Your account is linked to no person, so it has no cases of its own.",
      "filter.mine",
    );
  }
  // "My cases" is the coordinator filter with the signed-in person: the case's HANDLED_BY coordinator (intake-case.ts).
  const coordinator = filter.mine ? me : (filter.coordinator ?? null);
  const cursor = after ? decodeBoardCursor(after) : null;
  const statement = readCaseBoardStatement({
    institution: Boolean(filter.institution),
    topic: Boolean(filter.topic),
    level: Boolean(filter.level),
    partner: Boolean(filter.partner),
    coordinator: Boolean(coordinator),
    search: Boolean(filter.search),
    status: Boolean(filter.status),
    after: cursor !== null,
  });

  // The topic filter uses the vocabulary: "webshop", "web-shop" or the id "web-shop" all find the cases about
  // web shops; a broader topic ("e-commerce") also finds the cases about its narrower ones.
  const topicIds = filter.topic ? await topicWithNarrower(tx, filter.topic) : null;
  const rows = await tx.run(statement, {
    institution: filter.institution ?? null,
    topicIds,
    level: filter.level ?? null,
    partner: filter.partner ?? null,
    coordinator,
    search: filter.search?.trim().toLowerCase() ?? null,
    status: filter.status ?? null,
    afterCreated: cursor?.created ?? null,
    afterId: cursor?.id ?? null,
    limit: first + 1,
    now,
    suggesting: SUGGESTING_STATUSES,
  });
  const row = rows[0] ?? {};
  const counts = new Map(((row.columns as Array<{ status: CaseStatus; count: number }>) ?? []).map((c) => [c.status, c.count]));
  const columns = Object.values(CaseStatus).map((status) => ({ status, count: counts.get(status) ?? 0 }));
  const all = (row.cards as CaseCard[]) ?? [];
  const nowDate = new Date(now);
  const cards = all.slice(0, first).map((card) => ({
    ...card,
    topics: card.topics ?? [],
    topicLabels: card.topicLabels ?? [],
    wantedLevels: card.wantedLevels ?? [],
    suggestionCount: card.suggestionCount ?? null,
    ...caseWorkflowOptions(card.status),
    ...caseSignals(card, nowDate),
  }));
  const last = cards.at(-1);
  return {
    columns,
    totalCount: columns.reduce((s, c) => s + c.count, 0),
    cards,
    endCursor: last ? encodeBoardCursor(last.created, last.id) : null,
    hasNextPage: all.length > first,
  };
}
