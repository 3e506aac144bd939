/**
 * One door per fact: which writes the generated API (schema/graph.graphql) still offers for the
 * facts a workflow rule owns, and which custom mutation owns the rest. The restriction itself is
 * made by @neo4j/graphql's directives in schema/graph.graphql (`@mutation(operations: …)`,
 * `@settable`, `@relationship(nestedOperations: …)`), so the generated API never offers the
 * bypass; this table says what those directives must add up to. tests/unit/workflow-doors.test.ts
 * walks the printed schema against it, docs/data-model.md prints it, and formatFault names the
 * owning mutation when a client asks for a generated write that is not there.
 */
export type GeneratedOperation = "CREATE" | "UPDATE" | "DELETE";

export interface WorkflowDoor {
  /** The top-level generated mutations still offered for the type (none: read-only). */
  generated: readonly GeneratedOperation[];
  /** The custom mutations that own the type's creation, deletion and owned fields. */
  owners: readonly string[];
}

/** Node types a workflow rule owns (created, and for most also changed, only by their own mutation). */
export const workflowOwnedTypes: Record<string, WorkflowDoor> = {
  Case: { generated: ["UPDATE"], owners: ["intakeCase", "qualifyCase", "proposeCase", "matchCase", "closeCase"] },
  CaseEvent: {
    generated: [],
    owners: [
      "intakeCase",
      "qualifyCase",
      "proposeCase",
      "matchCase",
      "startSprint",
      "completeSprint",
      "closeCase",
      "markDigestSent",
    ],
  },
  // matchCase and closeCase withdraw a case's open proposals (withdrawnAt/withdrawnReason/withdrawnBy).
  Proposal: { generated: [], owners: ["proposeCase", "answerProposal", "matchCase", "closeCase"] },
  Sprint: { generated: ["UPDATE"], owners: ["matchCase", "startSprint", "completeSprint", "closeCase"] },
  Milestone: { generated: ["UPDATE"], owners: ["addMilestone", "completeMilestone"] },
  Interaction: { generated: [], owners: ["logInteraction"] },
  ExampleAssignment: { generated: ["UPDATE"], owners: ["addExampleAssignment"] },
  // The shared vocabulary (#15, docs/matching.md): loaded from seed/vocabulary, proposed from unknown words by the
  // writes that resolve them (also the CSV import and generic case and course edits), changed only by the vocabulary's own mutations.
  Topic: { generated: [], owners: ["intakeCase", "acceptTopic", "addTopicSynonym", "mergeTopic"] },
};

/**
 * Properties of editable types that only a workflow mutation sets: never in a generated create or
 * update input. (`Type.field` → the mutations that set it.)
 */
export const workflowOwnedFields: Record<string, readonly string[]> = {
  "Case.status": ["qualifyCase", "proposeCase", "matchCase", "closeCase"],
  "Case.created": ["intakeCase"],
  "Case.suggestionCount": ["refreshSuggestionCounts"],
  "Case.suggestionsCountedAt": ["refreshSuggestionCounts"],
  // Fields of owned types, listed to name their writer: the withdrawal of open proposals and the override record.
  "Proposal.withdrawnAt": ["matchCase", "closeCase"],
  "Proposal.withdrawnReason": ["matchCase", "closeCase"],
  "CaseEvent.overrode": ["matchCase", "startSprint"],
  "Sprint.status": ["matchCase", "startSprint", "completeSprint", "closeCase"],
  "Sprint.outcome": ["completeSprint"],
  "Sprint.smeRating": ["completeSprint"],
  "Sprint.smeFeedback": ["completeSprint"],
  "Sprint.teacherFeedback": ["completeSprint"],
  "Sprint.followUpWanted": ["completeSprint"],
  "Milestone.done": ["completeMilestone"],
  "Programme.mappingStatus": ["setMappingStatus", "logInteraction", "addExampleAssignment"],
  "Course.mappingStatus": ["setMappingStatus", "logInteraction", "addExampleAssignment"],
  "Person.lastDigestSentOn": ["markDigestSent", "sendDigest", "sendDueDigests"],
  "Knows.strength": ["setTieStrength", "logInteraction"],
  "Knows.channel": ["setTieStrength"],
  "Knows.lastContact": ["logInteraction"],
  "Knows.manual": ["setTieStrength"],
  "Knows.baseStrength": ["logInteraction"],
  "Knows.introducedBy": ["logInteraction"],
  "Workspace.warmThreshold": ["setWarmThreshold"],
};

/**
 * Node labels a workflow mutation writes that are no type of schema/graph.graphql, so the generated
 * API cannot reach them (the custom API only reads them, e.g. Proposal.followUps): a follow-up on a proposal (reminder, call) is read through the case timeline
 * (PROPOSAL_FOLLOW_UP) and written only by logProposalFollowUp — never a new proposal, no cooldown.
 */
export const workflowOwnedLabels: Record<string, readonly string[]> = {
  ProposalFollowUp: ["logProposalFollowUp", "sendDueDigests"],
  // The outbox (docs/mail.md): every message, written by the sending mutations (and the schedule); read by `outbox`.
  MailMessage: ["sendDigest", "sendProposal", "sendDueDigests"],
  DigestSchedule: ["setDigestSchedulePaused", "sendDueDigests"],
};

/**
 * Owned fields a generated create may still give a starting value (`@settable(onCreate: true)`):
 * a new programme or course can be registered where the outreach already stands; moving it later
 * is the workflow's. (`@settable(onCreate: false)` would also drop the field's `@default` on create
 * and leave a required field empty — how createSprints made sprints without a status.)
 */
export const initialValueFields: readonly string[] = ["Programme.mappingStatus", "Course.mappingStatus"];

/**
 * Relationships touching a workflow-owned type that the generated API may still change, and how
 * (`Type.field` → nested operations). Every other relationship from or to a workflow-owned type
 * is read-only in the generated API. Person.knows is listed because its ties are owned (made by
 * setTieStrength/logInteraction) although both ends are people: only an update of the tie's own
 * free fields (note, since) or of the person at the other end is offered.
 */
export const editableWorkflowLinks: Record<string, readonly ("CONNECT" | "DISCONNECT" | "UPDATE")[]> = {
  "Case.coordinator": ["CONNECT", "DISCONNECT"],
  "Sprint.supervisor": ["CONNECT", "DISCONNECT"],
  "Person.knows": ["UPDATE"],
};

/**
 * Owned relationships named with their owner: those where neither end is a workflow-owned type
 * (Person.knows), and the referral — (Partner)-[:REFERRED {date, by}]->(Case), set only by
 * intakeCase (which checks that the referring person works at the partner); seen from both ends.
 * Sme.referredBy is derived from the cases (@cypher), so it offers no write at all.
 */
export const workflowOwnedLinks: Record<string, readonly string[]> = {
  "Person.knows": ["setTieStrength", "logInteraction"],
  "Case.referredBy": ["intakeCase"],
  "Partner.referredCases": ["intakeCase"],
};

const plural: Record<string, string> = {
  Case: "Cases",
  CaseEvent: "CaseEvents",
  Proposal: "Proposals",
  Sprint: "Sprints",
  Milestone: "Milestones",
  Interaction: "Interactions",
  ExampleAssignment: "ExampleAssignments",
};

/**
 * For a generated mutation name the API does not offer (`createSprints`), the sentence that says
 * which mutation to use instead; undefined for any other name.
 */
export function ownerHint(mutationName: string): string | undefined {
  const match = /^(create|update|delete)(\w+)$/.exec(mutationName);
  if (!match?.[2]) return undefined;
  const type = Object.keys(plural).find((t) => plural[t] === match[2]);
  const door = type ? workflowOwnedTypes[type] : undefined;
  if (!type || !door) return undefined;
  return `${mutationName} is not offered: ${type} is written by the workflow (${door.owners.join(", ")}).`;
}
