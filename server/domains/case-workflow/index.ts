/** The case workflow domain's public face: what the app and other domains use of it. */
// Its type-graphql classes need the metadata polyfill loaded first, whichever module imports this one first.
import "reflect-metadata";
export { CaseResolver } from "./CaseResolver.js";
export { PublicQuestionResolver } from "./PublicQuestionResolver.js";
export { CaseAction, caseWorkflowOptions, checkTransition } from "./check-transition.js";
export { lockCase } from "./lock-case.js";
export { recordStatusChange } from "./record-status-change.js";
export { SprintResolver } from "./SprintResolver.js";
export { migrateCaseGraph, type CaseGraphMigration } from "./migrate-case-graph.js";
