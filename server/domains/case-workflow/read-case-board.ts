import type { Tx } from "../../platform/neo4j/database.js";
import { CaseStatus } from "../../platform/model/graph-enums.js";
import type { CaseBoard, CaseBoardFilter, CaseCard } from "./case-types.js";
import { SUGGESTING_STATUSES } from "../suggestions/index.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { caseWorkflowOptions } from "./check-transition.js";

export const MAX_BOARD_PAGE = 200;

export function encodeBoardCursor(created: string, id: string): string {
  return Buffer.from(JSON.stringify([created, id])).toString("base64url");
}

export function decodeBoardCursor(cursor: string): { created: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && typeof value[0] === "string" && typeof value[1] === "string") return { created: value[0], id: value[1] };
  } catch {
    // falls through to the refusal below
  }
  throw new DomainError(ErrorCode.BAD_USER_INPUT, "after is not a cursor this board gave out.", "after");
}

/** The filter as Cypher predicates on `k`, each bound to a parameter (never spliced-in values). */
function filterPredicates(filter: CaseBoardFilter): string[] {
  const where: string[] = [];
  if (filter.institution) {
    where.push(`(EXISTS { (k)<-[:OF_CASE]-(:Proposal)-[:FOR_COURSE]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(:Institution {id: $institution}) }
             OR EXISTS { (k)<-[:FOR_CASE]-(:Sprint)-[:IN_COURSE]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(:Institution {id: $institution}) })`);
  }
  if (filter.topic) where.push("any(t IN coalesce(k.topics, []) WHERE toLower(trim(t)) = $topic)");
  if (filter.level) where.push("$level IN coalesce(k.wantedLevels, [])");
  if (filter.partner) where.push("EXISTS { (k)<-[:ASKED]-(:Sme)<-[:REFERRED]-(:Partner {id: $partner}) }");
  if (filter.coordinator) where.push("EXISTS { (k)-[:HANDLED_BY]->(:Person {id: $coordinator}) }");
  if (filter.search) where.push("(toLower(k.title) CONTAINS $search OR EXISTS { (k)<-[:ASKED]-(s:Sme) WHERE toLower(s.name) CONTAINS $search })");
  return where;
}

/**
 * The case board in one query: the count per status column for the filter, and one page of cards
 * (newest first, keyset-paginated on created + id, read in the order of the `created` index) with
 * SME, partner, coordinator, open proposals and, for cases still being matched, the stored
 * suggestion count (count-case-suggestions.ts).
 */
export async function readCaseBoard(tx: Tx, filter: CaseBoardFilter, first: number, after: string | null, now: string): Promise<CaseBoard> {
  if (!Number.isInteger(first) || first < 0 || first > MAX_BOARD_PAGE) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `first must be between 0 and ${MAX_BOARD_PAGE}.`, "first");
  }
  const cursor = after ? decodeBoardCursor(after) : null;
  const predicates = filterPredicates(filter);
  const where = ["k.status IS NOT NULL", ...predicates].join(" AND ");
  // created <= cursor is a range the index can seek; the OR then settles ties on created by id.
  const pageWhere = [
    "k.created IS NOT NULL",
    ...predicates,
    ...(filter.status ? ["k.status = $status"] : []),
    ...(cursor ? ["k.created <= datetime($afterCreated)", "(k.created < datetime($afterCreated) OR k.id < $afterId)"] : []),
  ].join(" AND ");

  const rows = await tx.run(
    `CALL () {
       MATCH (k:Case) WHERE ${where}
       RETURN k.status AS status, count(*) AS n
     }
     WITH collect({status: status, count: n}) AS columns
     CALL () {
       MATCH (k:Case) WHERE ${pageWhere}
       WITH k ORDER BY k.created DESC, k.id DESC LIMIT toInteger($limit)
       OPTIONAL MATCH (k)<-[:ASKED]-(s:Sme)
       OPTIONAL MATCH (k)-[:HANDLED_BY]->(co:Person)
       WITH k, head(collect(s)) AS s, head(collect(co)) AS co
       RETURN collect({
         id: k.id, title: k.title, status: k.status, smeId: s.id, smeName: s.name, smeCity: s.city,
         partnerName: head(COLLECT { MATCH (s)<-[r:REFERRED]-(p:Partner) RETURN p.name ORDER BY r.date }),
         coordinatorId: co.id, coordinatorName: co.name, topics: k.topics, wantedLevels: k.wantedLevels,
         earliestStart: toString(k.earliestStart), deadline: toString(k.deadline), created: toString(k.created),
         lastChangeAt: toString(head(COLLECT { MATCH (k)-[:HAD_EVENT]->(e:CaseEvent) RETURN e.at ORDER BY e.at DESC })),
         openProposals: COUNT { MATCH (k)<-[:OF_CASE]-(p:Proposal) WHERE p.answer IS NULL AND p.expiresAt >= datetime($now) },
         suggestionCount: CASE WHEN k.status IN $suggesting THEN k.suggestionCount ELSE null END
       }) AS cards
     }
     RETURN columns, cards`,
    {
      institution: filter.institution ?? null,
      topic: filter.topic?.trim().toLowerCase() ?? null,
      level: filter.level ?? null,
      partner: filter.partner ?? null,
      coordinator: filter.coordinator ?? null,
      search: filter.search?.trim().toLowerCase() ?? null,
      status: filter.status ?? null,
      afterCreated: cursor?.created ?? null,
      afterId: cursor?.id ?? null,
      limit: first + 1,
      now,
      suggesting: SUGGESTING_STATUSES,
    },
  );
  const row = rows[0] ?? {};
  const counts = new Map(((row.columns as Array<{ status: CaseStatus; count: number }>) ?? []).map((c) => [c.status, c.count]));
  const columns = Object.values(CaseStatus).map((status) => ({ status, count: counts.get(status) ?? 0 }));
  const all = (row.cards as CaseCard[]) ?? [];
  const cards = all.slice(0, first).map((card) => ({
    ...card,
    topics: card.topics ?? [],
    wantedLevels: card.wantedLevels ?? [],
    suggestionCount: card.suggestionCount ?? null,
    ...caseWorkflowOptions(card.status),
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
