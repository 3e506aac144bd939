import { listCost, numberArg, type CostInput, type FieldCost } from "./cost-input.js";
import { NESTED_LIST_ESTIMATE } from "./estimate-cost.js";

/**
 * The cost of every custom query and mutation, in the units of MAX_QUERY_COST (about one value
 * produced or one row touched; a signed-in caller has 2,000,000 per operation, an anonymous one
 * 1,000). Each resolver names its entry with `@Cost("name")`; docs/security.md lists them. The
 * counts (`n("Case")`) are the graph's own, from Neo4j's count store; a result list whose length
 * nothing tells counts NESTED_LIST_ESTIMATE (20) items.
 *
 * The path analytics grow with `maxHops` as the neighbourhoods they search do: PATH_WORK doubles per
 * hop, so at the default 4 hops one costs 200,000 and at the most, 6, 800,000 — two fit one request.
 * They are "expensive": at most MAX_EXPENSIVE_FIELDS per operation, and their requests are heavy.
 */
export const PATH_WORK = 25_000;

function hops(args: CostInput["args"]): number {
  return Math.min(6, Math.max(1, numberArg(args, "maxHops", 4)));
}
function pathWork(args: CostInput["args"]): number {
  return PATH_WORK * 2 ** (hops(args) - 1);
}
function n({ counts }: CostInput, label: string): number {
  return counts.nodes(label) ?? 1_000;
}
/** One case, sprint, teacher…: a handful of reads in one place. */
const scoped = (base: number): FieldCost => ({ cost: ({ childComplexity }) => base + childComplexity });
/** The same, answering a list of results. */
const scopedList = (base: number): FieldCost => ({
  cost: ({ childComplexity }) => base + listCost(NESTED_LIST_ESTIMATE, childComplexity),
});
/** The characters of an upload's files (importSpreadsheets' `files: [{ name, text }]`). */
function uploadCharacters(args: CostInput["args"]): number {
  const files = args.files;
  if (!Array.isArray(files)) return 0;
  return files.reduce((sum: number, f: unknown) => {
    const text = f && typeof f === "object" ? (f as { text?: unknown }).text : undefined;
    return sum + (typeof text === "string" ? text.length : 0);
  }, 0);
}
/** A password hash (argon2id, 19 MiB, ~50 ms): half an anonymous caller's budget, so one sign-in fits a request and two do not. */
const PASSWORD_WORK = 500;
/** One write transaction on one case, person or course. */
const WRITE = 100;

export const fieldCosts = {
  // --- network (docs/network-analytics.md) ---
  /** k paths, each its steps; plus the search, by maxHops. */
  warmPaths: {
    expensive: true,
    cost: (input) => pathWork(input.args) + listCost(numberArg(input.args, "k", 3), input.childComplexity),
  },
  /** Per candidate a warm path and a recomputed embedding: 10 × each result, plus the search. */
  nextBestContacts: {
    expensive: true,
    cost: (input) => pathWork(input.args) + 10 * listCost(numberArg(input.args, "limit", 5), input.childComplexity),
  },
  /** The embedding, then per rung up to 10 candidates' warm paths (two searches each: warm, then any strength). */
  escalationPlan: { expensive: true, cost: (input) => 3 * pathWork(input.args) + input.childComplexity },
  /** Every programme and institution near the person computed twice (with and without them): a refresh's worth at most. */
  impactIfGone: { expensive: true, cost: (input) => 4 * pathWork(input.args) + input.childComplexity },
  /** The programme's or institution's threads, computed live. */
  embedding: { expensive: true, cost: (input) => pathWork(input.args) + input.childComplexity },
  /** Reads the stored figures: one row per programme and institution, plus the page. */
  embeddingRanking: { cost: (input) => n(input, "Programme") + n(input, "Institution") + input.childComplexity },
  /**
   * Recomputes every programme's and institution's embedding in a worker thread, off the API's event loop:
   * counted as one analytic (not per programme, which would refuse it outright on a national graph).
   */
  refreshEmbedding: { expensive: true, cost: (input) => pathWork(input.args) + input.childComplexity },
  setTieStrength: scoped(WRITE),
  setWarmThreshold: scoped(WRITE),
  /** One row per coordinator of the workspace. */
  coordinatorTies: scopedList(10),
  // --- suggestions and case workflow (docs/case-workflow.md) ---
  /** Every course scored (10 each), then the page. */
  caseSuggestions: {
    cost: (input) => 10 * n(input, "Course") + listCost(numberArg(input.args, "limit", 10), input.childComplexity),
  },
  /** Every case and course paired once. */
  refreshSuggestionCounts: { expensive: true, cost: (input) => n(input, "Case") * n(input, "Course") },
  /** The board reads every case's status for the column counts, then one page of cards. */
  caseBoard: { cost: (input) => n(input, "Case") + input.childComplexity },
  caseTimeline: scopedList(10),
  /** One node's recorded edits (and a case's events): a list, like the timeline. */
  history: scopedList(10),
  caseWorkflow: scoped(10),
  caseProposals: scopedList(10),
  sprintRecord: scoped(10),
  courseCapacity: scoped(10),
  /** Per agreement asked, its courses and periods. */
  agreementCapacity: {
    cost: (input) => {
      const agreements = Array.isArray(input.args.agreements) ? input.args.agreements.length : 1;
      return Math.max(1, agreements) * (10 + listCost(NESTED_LIST_ESTIMATE, input.childComplexity));
    },
  },
  intakeCase: scoped(WRITE),
  // --- the public question form (issue #18 part 1): within an anonymous caller's budget (1,000) ---
  /** A signed token and the partners (READ_PUBLIC_PARTNERS reads at most 50, three values each): bounded whatever is asked. */
  questionForm: { cost: () => 200 },
  /** One intake and one queued message; the attempts per address are limited on top (PUBLIC_FORM_PER_10_MIN). */
  submitQuestion: scoped(2 * WRITE),
  /** One case's title, state and dates. */
  caseStatusByLink: scoped(10),
  /** Accepted topics only; a page of at most 8. */
  publicTopicSuggestions: { cost: (input) => 10 + listCost(8, input.childComplexity) },
  // --- vocabulary (issue #15; docs/matching.md) ---
  /** One full-text index lookup, a page of at most `limit` (50) topics. */
  topicSuggestions: { cost: (input) => 10 + listCost(Math.min(numberArg(input.args, "limit", 10), 50), input.childComplexity) },
  /** Every topic of the asked statuses, with two counts each. */
  vocabularyTopics: {
    cost: (input) => 5 * n(input, "Topic") + listCost(numberArg(input.args, "limit", 200), input.childComplexity),
  },
  acceptTopic: scoped(WRITE),
  createTopic: scoped(WRITE),
  rejectTopic: scoped(WRITE),
  addTopicSynonym: scoped(WRITE),
  removeTopicSynonym: scoped(WRITE),
  /** Replaces a topic's links and walks its broader chain for a circle. */
  setTopicLinks: scoped(2 * WRITE),
  /** Moves every link of the merged topic. */
  mergeTopic: scoped(10 * WRITE),
  qualifyCase: scoped(WRITE),
  closeCase: scoped(WRITE),
  matchCase: scoped(WRITE),
  startSprint: scoped(WRITE),
  completeSprint: scoped(WRITE),
  addMilestone: scoped(WRITE),
  completeMilestone: scoped(WRITE),
  // --- proposals ---
  digest: scoped(10),
  /** Every teacher's open proposals on the date. */
  dueDigests: { cost: (input) => n(input, "Person") + listCost(NESTED_LIST_ESTIMATE, input.childComplexity) },
  answerProposal: scoped(WRITE),
  // --- the institution portal (#18, docs/security.md "The institution portal") ---
  confirmClaim: scoped(WRITE),
  declineClaim: scoped(WRITE),
  /** The person's scope, then every open case scored against their courses (one per case), agreements, proposals, sprints. */
  myPortal: { cost: (input) => 100 + n(input, "Case") + input.childComplexity },
  claimCase: scoped(WRITE),
  forwardCase: scoped(WRITE),
  answerMyProposal: scoped(WRITE),
  logProposalFollowUp: scoped(WRITE),
  proposeCase: scoped(WRITE),
  markDigestSent: scoped(WRITE),
  // --- mail: the outbox, sending, the schedule, answers, the to-do list (docs/mail.md) ---
  /** One page of messages (`first`, at most 200). */
  outbox: { cost: (input) => listCost(numberArg(input.args, "first", 50), input.childComplexity) },
  outboxCounts: scopedList(10),
  outboxMessage: scoped(10),
  /** Builds the digest (as `digest`) and writes its proposals and message. */
  sendDigest: scoped(WRITE),
  sendProposal: scoped(WRITE),
  /** Every due teacher's digest built and sent: as dueDigests, plus the writes. */
  sendDueDigests: { cost: (input) => n(input, "Person") + WRITE + input.childComplexity },
  setDigestSchedulePaused: scoped(WRITE),
  digestSchedule: scopedList(10),
  /** Seven limited reads (at most 100 rows each). */
  coordinatorTodo: { cost: (input) => 700 + 7 * listCost(NESTED_LIST_ESTIMATE, input.childComplexity) },
  // --- figures: each reads every case (teacherResponseRates every proposal) in its window ---
  caseFunnel: { cost: (input) => n(input, "Case") + listCost(NESTED_LIST_ESTIMATE, input.childComplexity) },
  caseFunnelByPeriod: { cost: (input) => n(input, "Case") + listCost(NESTED_LIST_ESTIMATE, input.childComplexity) },
  caseDurations: { cost: (input) => n(input, "Case") + input.childComplexity },
  matchFigures: { cost: (input) => n(input, "Case") + input.childComplexity },
  partnerYield: { cost: (input) => n(input, "Case") + listCost(NESTED_LIST_ESTIMATE, input.childComplexity) },
  teacherResponseRates: { cost: (input) => n(input, "Proposal") + listCost(NESTED_LIST_ESTIMATE, input.childComplexity) },
  // --- outreach ---
  /** One row per programme and course (of one institution: that share). */
  mappingTable: {
    cost: (input) => {
      const rows = n(input, "Programme") + n(input, "Course");
      const share = input.args.institution ? Math.max(1, n(input, "Institution")) : 1;
      return listCost(Math.ceil(rows / share), input.childComplexity);
    },
  },
  /** `first` programmes, each its own row and its courses' (the graph's courses per programme), plus the count over all programmes. */
  mappingTablePage: {
    cost: (input) => {
      const perProgramme = 1 + Math.ceil(n(input, "Course") / Math.max(1, n(input, "Programme")));
      return n(input, "Programme") + listCost(numberArg(input.args, "first", 20) * perProgramme, input.childComplexity);
    },
  },
  interactionLog: { cost: (input) => listCost(numberArg(input.args, "limit", 200), input.childComplexity) },
  logInteraction: scoped(WRITE),
  setMappingStatus: scoped(WRITE),
  addExampleAssignment: scoped(WRITE),
  // --- spreadsheets and privacy ---
  /** A CSV line per case (per person), ~10 values each. */
  exportCasesCsv: { cost: (input) => 10 * n(input, "Case") },
  exportContactsCsv: { cost: (input) => 10 * n(input, "Person") },
  /** The client's upload: a write transaction, plus one unit per 10 characters (about a cell) of the files. */
  importSpreadsheets: { cost: (input) => 10 * WRITE + Math.ceil(uploadCharacters(input.args) / 10) },
  exportPerson: scoped(100),
  erasePerson: scoped(1_000),
  // --- invitations to the portal (docs/security.md "Invitations") ---
  invitePerson: scoped(WRITE),
  invitations: scopedList(10),
  /** Public: one signature check and one read; well inside an anonymous caller's budget. */
  invitationLink: scoped(10),
  /** Public: hashes the new password, like a sign-in. */
  acceptInvitation: scoped(PASSWORD_WORK),
  // --- sign-in and system ---
  login: scoped(PASSWORD_WORK),
  changePassword: scoped(PASSWORD_WORK),
  setUserPassword: scoped(PASSWORD_WORK),
  createUser: scoped(PASSWORD_WORK),
  updateUser: scoped(WRITE),
  linkUserToPerson: scoped(WRITE),
  signOutEverywhere: scoped(WRITE),
  /** Clears the browser's session cookie: no database work. */
  signOut: scoped(1),
  me: scoped(10),
  users: scopedList(100),
  /** One round trip to Neo4j. */
  databaseStatus: scoped(10),
} satisfies Record<string, FieldCost>;

export type CostedField = keyof typeof fieldCosts;
