import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { readStarterVocabulary } from "../../server/domains/vocabulary/load-starter-vocabulary.js";
import { normaliseWord } from "../../server/domains/vocabulary/normalise-word.js";
import { VocabularyIndex } from "../../server/domains/vocabulary/resolve-words.js";
import {
  legacyTopicWords,
  plantedTopicWords,
  scales,
  typoWords,
  unknownWordPool,
  unknownWordsOf,
  type PlantedWord,
} from "../../seed/synthetic/index.js";
import { respell } from "../../seed/synthetic/legacy-topic-words.js";
import { Random } from "../../seed/synthetic/Random.js";
import { themes } from "../../seed/synthetic/vocabulary.js";

/**
 * The generated graph's free-text topic words (seed/synthetic/legacy-topic-words.ts) are planted with what the
 * migration should make of them; bench:migration checks the migration's report against that plan, so the plan
 * itself must hold: every planted word resolves against the starter vocabulary as its kind says.
 */
const starter = await readStarterVocabulary();
const index = new VocabularyIndex(starter.topics);

function expectResolvedAsPlanted(w: PlantedWord): void {
  const key = normaliseWord(w.word);
  if (w.kind === "BLANK") {
    expect(key, w.word).toBe("");
    return;
  }
  const resolved = index.resolve(w.word);
  if (w.kind === "UNKNOWN") expect(resolved.how, `${w.word} → ${resolved.matched ?? resolved.topicId}`).toBe("UNKNOWN");
  else expect([resolved.how, resolved.topicId], w.word).toEqual([w.kind === "TYPO" ? "FUZZY" : "EXACT", w.topicId]);
}

describe("the synthetic graph's planted topic words", () => {
  it("has no unknown word that the vocabulary knows, exactly or by spelling tolerance", () => {
    expect(unknownWordPool.length).toBeGreaterThan(50);
    expect(new Set(unknownWordPool.map(normaliseWord)).size).toBe(unknownWordPool.length);
    for (const word of unknownWordPool) expectResolvedAsPlanted({ word, kind: "UNKNOWN", topicId: null });
  });

  it("has typos that spelling tolerance takes for their topic", () => {
    for (const [topicId, typos] of Object.entries(typoWords)) {
      for (const word of typos) expectResolvedAsPlanted({ word, kind: "TYPO", topicId });
    }
  });

  it("respells every label and synonym without changing its key", () => {
    const random = new Random(7);
    for (const t of starter.topics) {
      for (const name of [t.labelNl, t.labelEn, ...t.synonyms]) {
        for (let i = 0; i < 20; i++) expect(normaliseWord(respell(name, random)), name).toBe(normaliseWord(name));
      }
    }
    for (const name of unknownWordPool) expect(normaliseWord(respell(name, random))).toBe(normaliseWord(name));
  });

  it("plants words that resolve as planted, deterministically from the seed", () => {
    const kinds = new Map<string, number>();
    for (let i = 0; i < 3_000; i++) {
      const words = legacyTopicWords(42, i % 2 ? "case" : "course", i, [themes[i % themes.length]!, themes[(i * 7) % 13]!]);
      expect(legacyTopicWords(42, i % 2 ? "case" : "course", i, [themes[i % themes.length]!, themes[(i * 7) % 13]!])).toEqual(
        words,
      );
      for (const w of words) {
        expectResolvedAsPlanted(w);
        kinds.set(w.kind, (kinds.get(w.kind) ?? 0) + 1);
      }
    }
    // Each kind occurs: respelled labels and synonyms mostly, some typos, unknown words and blanks.
    expect([...kinds.keys()].sort()).toEqual(["BLANK", "EXACT", "TYPO", "UNKNOWN"]);
    expect(unknownWordsOf(42)).not.toEqual(unknownWordsOf(43));
  });

  it("gives the S graph's cases and courses the words the plan says", () => {
    const owners = [...plantedTopicWords(scales.S)];
    expect(owners.filter((o) => o.label === "Case")).toHaveLength(scales.S.cases);
    expect(owners.filter((o) => o.label === "Course")).toHaveLength(scales.S.courses);
    const spellings = new Set(owners.flatMap((o) => o.planted.map((w) => w.word)));
    // Respelled: the same topic in several spellings.
    expect(spellings.size).toBeGreaterThan(100);
    for (const o of owners) for (const w of o.planted) expectResolvedAsPlanted(w);
  });
});
