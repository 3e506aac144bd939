/** The synthetic graph generator for benchmarks: see generate-synthetic-graph.ts. */
export {
  describeSyntheticGraph,
  emptyGraph,
  generateSyntheticGraph,
  GraphNotEmptyError,
  syntheticCalendar,
  type GenerateOptions,
  type GenerateResult,
  type NodePhase,
  type RelationshipPhase,
  type SyntheticCalendar,
} from "./generate-synthetic-graph.js";
export {
  scales,
  sizeForPeople,
  sizeLikeXl,
  SyntheticSizeError,
  validateSize,
  type ScaleName,
  type SyntheticSize,
} from "./scales.js";
export {
  bulkImportSyntheticGraph,
  type BulkImportSyntheticOptions,
  type BulkImportSyntheticResult,
} from "./bulk-import-synthetic-graph.js";
export { BulkImportRefusedError } from "./BulkImportRefusedError.js";
export { academicYearStartOf, yearShiftFor } from "./shift-years.js";
export {
  legacyTopicWords,
  plantedWordsVersion,
  typoWords,
  unknownWordPool,
  unknownWordsOf,
  type PlantedKind,
  type PlantedWord,
} from "./legacy-topic-words.js";
export { plantedTopicWords, type PlantedOwnerWords } from "./planted-topic-words.js";
