import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { readStarterVocabulary } from "../../server/domains/vocabulary/load-starter-vocabulary.js";
import { SuggestionIndex } from "../../server/domains/vocabulary/vocabulary-cache.js";
import { TopicStatus } from "../../server/platform/model/graph-enums.js";

/**
 * The autocomplete's in-memory search (docs/matching.md, "Autocomplete"): on the starter vocabulary plus a proposal,
 * what a coordinator typing gets first — a prefix of a label or synonym, an inner word, a misspelling; accepted first.
 */
const starter = await readStarterVocabulary();
const topics = [
  ...starter.topics.map((t) => ({
    choice: { id: t.id, labelNl: t.labelNl, labelEn: t.labelEn, synonyms: t.synonyms, status: TopicStatus.ACCEPTED },
    accepted: true,
  })),
  {
    choice: {
      id: "proposed-kassasysteem",
      labelNl: "kassasysteem",
      labelEn: "point of sale",
      synonyms: [],
      status: TopicStatus.PROPOSED,
    },
    accepted: false,
  },
];
const index = new SuggestionIndex(topics, topics.length, Date.now());
const first = (prefix: string) => index.suggest(prefix, 5)[0]?.id;

describe("the in-memory autocomplete", () => {
  it("offers a topic for a prefix of its label or synonym, in either language and spelling", () => {
    expect(first("websh")).toBe("web-shop");
    expect(first("web-sh")).toBe("web-shop");
    expect(first("Web Sh")).toBe("web-shop");
    expect(first("automatiser")).toBe("automation");
    expect(first("boekhoud")).toBe("bookkeeping");
    expect(first("point of")).toBe("proposed-kassasysteem");
  });

  it("finds a misspelling from five letters on, and never guesses at shorter ones", () => {
    expect(first("cybersecurty")).toBe("cybersecurity");
    expect(first("webshp")).toBe("web-shop");
    expect(index.suggest("xq", 5)).toEqual([]);
    expect(index.suggest(" - ", 5)).toEqual([]);
  });

  it('finds an inner word ("shop" in "web shop") after the labels that start with it', () => {
    const ids = index.suggest("shop", 10).map((t) => t.id);
    expect(ids).toContain("web-shop");
  });

  it("keeps to the limit and offers each topic once", () => {
    const list = index.suggest("d", 5);
    expect(list.length).toBeLessThanOrEqual(5);
    expect(new Set(list.map((t) => t.id)).size).toBe(list.length);
  });
});
