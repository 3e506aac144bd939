import { describe, expect, it } from "vitest";
import { readStarterVocabulary, topicKeys } from "../../server/domains/vocabulary/load-starter-vocabulary.js";
import {
  editDistanceWithin,
  normaliseWord,
  trigramSimilarity,
  trigrams,
} from "../../server/domains/vocabulary/normalise-word.js";
import { FUZZY_MIN_SIMILARITY, VocabularyIndex, resolveWords } from "../../server/domains/vocabulary/resolve-words.js";
import { topicQuery } from "../../server/domains/vocabulary/topic-suggestions.js";

const starter = await readStarterVocabulary();
const index = new VocabularyIndex(starter.topics);

describe("the starter vocabulary", () => {
  it("has about 40 topics, each with Dutch and English labels, and broader links to known topics", () => {
    expect(starter.topics.length).toBeGreaterThanOrEqual(40);
    const ids = new Set(starter.topics.map((t) => t.id));
    for (const t of starter.topics) {
      expect(t.labelNl.trim()).not.toBe("");
      expect(t.labelEn.trim()).not.toBe("");
      for (const b of t.broader ?? []) expect(ids.has(b), `${t.id} → ${b}`).toBe(true);
    }
  });
  it("gives no key to two topics (a word must resolve one way)", () => {
    const owner = new Map<string, string>();
    for (const t of starter.topics) {
      for (const key of topicKeys([t.labelNl, t.labelEn, ...t.synonyms])) {
        expect(owner.get(key) ?? t.id, `"${key}" in ${t.id} and ${owner.get(key)}`).toBe(t.id);
        owner.set(key, t.id);
      }
    }
  });
});

describe("words in, topics out", () => {
  it("normalises case, spaces, hyphens and diacritics", () => {
    expect(normaliseWord(" Web-Shop ")).toBe("webshop");
    expect(normaliseWord("wébshop")).toBe("webshop");
    expect(normaliseWord("Privacy & AVG")).toBe("privacyavg");
  });
  it.each([
    ["webshop", "web-shop"],
    ["web shop", "web-shop"],
    ["web-shop", "web-shop"],
    ["Webwinkel", "web-shop"],
    ["E-commerce", "e-commerce"],
    ["automatisering", "automation"],
    ["automation", "automation"],
    ["RPA", "rpa"],
    ["boekhouding", "bookkeeping"],
    ["AVG", "privacy"],
    ["GDPR", "privacy"],
    ["cyber security", "cybersecurity"],
    ["sociale media", "social-media"],
    ["marketing", "online-marketing"],
  ])("resolves %s exactly to %s", (word, topicId) => {
    expect(index.resolve(word)).toMatchObject({ topicId, how: "EXACT" });
  });
  it("tolerates spelling mistakes in longer words, and says what it took them for", () => {
    expect(index.resolve("automatisring")).toMatchObject({ topicId: "automation", how: "FUZZY", matched: "automatisering" });
    expect(index.resolve("boekhoudng")).toMatchObject({ topicId: "bookkeeping", how: "FUZZY" });
  });
  it("takes for a typo only what is a few typing mistakes away, not another compound with the same head", () => {
    // "fleetmanagement" shares most trigrams with the synonym "it management" (similarity above the threshold),
    // but is four edits away from it: another word, not a misspelling.
    const itKey = normaliseWord("it management");
    expect(trigramSimilarity(trigrams("fleetmanagement"), trigrams(itKey))).toBeGreaterThanOrEqual(FUZZY_MIN_SIMILARITY);
    expect(index.resolve("fleetmanagement")).toMatchObject({ topicId: null, how: "UNKNOWN" });
    expect(index.resolve("projectmanagement").how).not.toBe("FUZZY");
    // Two mistakes are still a typo; a swap of neighbours counts as one.
    expect(index.resolve("autommatisring")).toMatchObject({ topicId: "automation", how: "FUZZY" });
    expect(index.resolve("boekhoduing")).toMatchObject({ topicId: "bookkeeping", how: "FUZZY" });
  });
  it("counts typing mistakes as inserts, deletes, replacements and swaps of neighbours, up to a bound", () => {
    expect(editDistanceWithin("webshop", "webshop", 2)).toBe(0);
    expect(editDistanceWithin("webshop", "wbeshop", 2)).toBe(1);
    expect(editDistanceWithin("webshop", "webshopp", 2)).toBe(1);
    expect(editDistanceWithin("webshop", "wepshp", 2)).toBe(2);
    expect(editDistanceWithin("kitten", "sitting", 3)).toBe(3);
    expect(editDistanceWithin("kitten", "sitting", 2)).toBe(Infinity);
    expect(editDistanceWithin("fleetmanagement", "itmanagement", 2)).toBe(Infinity);
    expect(editDistanceWithin("ab", "abcdef", 3)).toBe(Infinity);
  });
  it("does not guess at short or unknown words", () => {
    expect(index.resolve("xq").how).toBe("UNKNOWN");
    expect(index.resolve("blockchain")).toMatchObject({ topicId: null, how: "UNKNOWN" });
  });
  it("matches a proposed topic only exactly, and says it is a proposal", () => {
    const withProposal = new VocabularyIndex([
      ...starter.topics,
      { id: "proposed-kassasysteem", labelNl: "kassasysteem", labelEn: "kassasysteem", synonyms: [], proposed: true },
    ]);
    expect(withProposal.resolve("Kassa-systeem")).toMatchObject({
      topicId: "proposed-kassasysteem",
      how: "EXACT",
      proposed: true,
    });
    expect(withProposal.resolve("kassasysteen").topicId).toBeNull();
  });
  it("drops blanks and repeated keys, keeping the first spelling", () => {
    expect(resolveWords(["webshop", " ", "Web Shop", "automatisering"], index).map((r) => r.word)).toEqual([
      "webshop",
      "automatisering",
    ]);
  });
  it("builds an autocomplete query of prefix terms, fuzzy from five letters, without Lucene syntax", () => {
    expect(topicQuery("web sh")).toEqual({ query: "websh* web* sh* websh~", key: "websh" });
    expect(topicQuery("webshp")?.query).toBe("webshp* webshp~");
    expect(topicQuery("a:(b)")?.query).toBe("ab* a* b*");
    expect(topicQuery(" - ")).toBeNull();
  });
});
