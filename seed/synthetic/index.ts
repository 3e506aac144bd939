/** The synthetic graph generator for benchmarks: see generate-synthetic-graph.ts. */
export {
  describeSyntheticGraph,
  emptyGraph,
  generateSyntheticGraph,
  GraphNotEmptyError,
  type GenerateOptions,
  type GenerateResult,
  type NodePhase,
  type RelationshipPhase,
} from "./generate-synthetic-graph.js";
export { scales, sizeForPeople, SyntheticSizeError, validateSize, type ScaleName, type SyntheticSize } from "./scales.js";
