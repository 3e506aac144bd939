import { caseId, courseId } from "./format-ids.js";
import type { PlantedWord } from "./legacy-topic-words.js";
import { casePlan, coursePlantedWords } from "./plan-entities.js";
import { planLayout } from "./plan-layout.js";
import type { SyntheticSize } from "./scales.js";

/** One case's or course's free-text words in a generated graph, each with what the migration should make of it. */
export interface PlantedOwnerWords {
  label: "Case" | "Course";
  id: string;
  planted: PlantedWord[];
}

/**
 * Every case's and course's planted topic words of a generated graph of this size (legacy-topic-words.ts), computed
 * again from the seed, not read from the graph: what bench:migration compares the migration's report with.
 */
export function* plantedTopicWords(size: SyntheticSize): Generator<PlantedOwnerWords> {
  const layout = planLayout(size);
  for (let c = 0; c < size.courses; c++) yield { label: "Course", id: courseId(c), planted: coursePlantedWords(layout, c) };
  for (let i = 0; i < size.cases; i++) yield { label: "Case", id: caseId(i), planted: casePlan(layout, i).plantedTopics };
}
