/** The synthetic graph generator for benchmarks: see generate-synthetic-graph.ts. */
export { emptyGraph, generateSyntheticGraph, GraphNotEmptyError, type GenerateOptions, type GenerateResult } from "./generate-synthetic-graph.js";
export { scales, sizeForPeople, SyntheticSizeError, validateSize, type ScaleName, type SyntheticSize } from "./scales.js";
