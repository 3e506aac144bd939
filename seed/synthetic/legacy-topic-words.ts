import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Random } from "./Random.js";
import type { themes } from "./vocabulary.js";

/**
 * The free-text topic words of a graph from before the vocabulary (issue #15), as the start-up migration
 * (server/domains/vocabulary/link-topics.ts, migrateTopics) meets them: a case's `topics` and a course's `themes`
 * written by SME owners and teachers — the starter vocabulary's labels and synonyms in Dutch and English, in
 * spelling variants ("web-shop", "Webshop ", "E-Commerce"), now and then a typo, a blank ("-", "?"), and words
 * no topic knows. Every word is planted with what the migration should make of it, so bench:migration
 * (bench/topic-migration.ts) checks the migration's report exactly: the unmatched words it reports are the
 * UNKNOWN words planted, every one and no other; the typos are the words it matched by spelling tolerance.
 * tests/unit/synthetic-topic-words.test.ts checks every planted word against the starter vocabulary's resolver.
 * A pure function of (seed, owner, index), like every synthetic property (plan-entities.ts).
 */

/** What the migration should make of a planted word (docs/matching.md, "The vocabulary"). */
export type PlantedKind =
  /** A label or synonym, maybe respelled (case, spaces, hyphens, padding): the same key, so an exact match. */
  | "EXACT"
  /** A typo of a label or synonym of `topicId` (typoWords): matched by spelling tolerance. */
  | "TYPO"
  /** A word no topic knows (unknownWordPool): reported as unmatched, kept as a proposed topic. */
  | "UNKNOWN"
  /** Punctuation only: no key, dropped. */
  | "BLANK";

export interface PlantedWord {
  word: string;
  kind: PlantedKind;
  /** The topic meant (EXACT, TYPO); null for UNKNOWN and BLANK. */
  topicId: string | null;
}

/** Bumped when what this file plants changes: bench/prepare-graph.ts reuses a generated graph only of the same words. */
const PLANTING_VERSION = 1;

interface StarterFileTopic {
  id: string;
  labelNl: string;
  labelEn: string;
  synonyms: string[];
}

interface StarterFile {
  version: number;
  topics: StarterFileTopic[];
}

const STARTER_FILE = fileURLToPath(new URL("../vocabulary/starter-topics.json", import.meta.url));
let starter: (StarterFile & { byId: Map<string, StarterFileTopic> }) | undefined;

/** The starter vocabulary (seed/vocabulary/starter-topics.json), read once: the words are drawn from its names. */
function starterVocabulary(): StarterFile & { byId: Map<string, StarterFileTopic> } {
  if (!starter) {
    const file = JSON.parse(readFileSync(STARTER_FILE, "utf8")) as StarterFile;
    starter = { ...file, byId: new Map(file.topics.map((t) => [t.id, t])) };
  }
  return starter;
}

/** The version of the planted words: this file's and the starter vocabulary's (its names are what is planted). */
export function plantedWordsVersion(): string {
  return `${PLANTING_VERSION}/${starterVocabulary().version}`;
}

/** The synthetic themes (vocabulary.ts, which also gives a case its title) as starter topics. */
const themeTopic: Record<(typeof themes)[number], string> = {
  "web shop": "web-shop",
  "e-commerce": "e-commerce",
  bookkeeping: "bookkeeping",
  automation: "automation",
  data: "data",
  dashboards: "dashboards",
  AI: "ai",
  "social media": "social-media",
  marketing: "online-marketing",
  cybersecurity: "cybersecurity",
  privacy: "privacy",
  "app development": "app-development",
  UX: "ux",
};

/** Typos people make in the themes' words, each taken by the resolver for its topic (checked by the unit test). */
export const typoWords: Readonly<Record<string, readonly string[]>> = {
  "web-shop": ["webshopp", "webwinkell", "web-wnkel"],
  "e-commerce": ["e-comerce", "ecommerse", "e-commmerce"],
  bookkeeping: ["boekhoudng", "boekhoudsofware", "bookeeping"],
  automation: ["automatisring", "automatiseeren", "procesautomatisring"],
  data: ["data-analyze", "data analitics"],
  dashboards: ["dashbords", "dashboarts"],
  ai: ["kunstmatige inteligentie", "artifical intelligence"],
  "social-media": ["sociale medias", "socail media"],
  "online-marketing": ["marketting", "onlinemarketting", "digitale marketting"],
  cybersecurity: ["cybersecurty", "cyber securety", "informatiebeveilging"],
  privacy: ["privacyy", "gegevensbeschermng", "persoonsgegevns"],
  "app-development": ["appontwikkelng", "softwareontwikkelng"],
  ux: ["gebruikerservaaring", "gebruiksvriendelijkhied", "user experiance"],
};

/**
 * Words no topic of the starter vocabulary knows, exactly or by spelling tolerance (checked by the unit test): an
 * SME's own trade and wishes, and the filler a form collects ("n.v.t.", "overig"). Which of them a graph holds
 * follows its seed (unknownWordsOf).
 */
const unknownSingles = [
  "kassasysteem",
  "blockchain",
  "drones",
  "3D-printen",
  "podcast",
  "glasvezel",
  "telefonie",
  "vertalingen",
  "subsidieaanvraag",
  "personeelswerving",
  "zonnepanelen",
  "crowdfunding",
  "franchise",
  "exportmarkt",
  "webinars",
  "gamification",
  "bouwtekeningen",
  "bedrijfsovername",
  "wagenparkbeheer",
  "recruitment",
  "kwaliteitshandboek",
  "ISO-certificering",
  "HACCP",
  "n.v.t.",
  "overig",
  "divers",
  "nog bepalen",
  "zie mail",
  "tbd",
  "quantum computing",
] as const;

/** Trades and objects, and what an owner wants done with them: their compounds are a long tail of unknown words. */
const unknownStems = ["kassa", "drone", "heftruck", "koelcel", "bakoven", "kapsalon", "jachthaven", "tegel", "steiger", "wijn"];
const unknownSuffixes = ["onderhoud", "verhuur", "inspectie", "keuring", "vergunning", "tarieven"];

/** Every word that may be planted as UNKNOWN (before the seed picks). */
export const unknownWordPool: readonly string[] = [
  ...unknownSingles,
  ...unknownStems.flatMap((stem) => unknownSuffixes.map((suffix) => `${stem}${suffix}`)),
];

/** Punctuation a form collects where a topic was wanted. */
const blankWords = ["-", "?", "..."];

const unknownCache = new Map<number, readonly string[]>();

/** The unknown words a seed's graph draws from: three quarters of the pool, chosen by the seed. */
export function unknownWordsOf(seed: number): readonly string[] {
  let words = unknownCache.get(seed);
  if (!words) {
    const random = Random.forItem(seed, "unknown-topic-words", 0);
    words = random.sample(unknownWordPool, Math.ceil(unknownWordPool.length * 0.75));
    unknownCache.set(seed, words);
  }
  return words;
}

/** How often a word of each kind is added to an owner's words, besides its themes' words. */
const TYPO_CHANCE = 0.03;
const EXTRA_TOPIC_CHANCE = 0.2;
const UNKNOWN_CHANCE = 0.05;
const BLANK_CHANCE = 0.01;

/**
 * The words a case (owner "case") or a course ("course") of a seed's graph holds for its themes: per theme a label
 * or synonym of its topic (Dutch labels more often than synonyms) in some spelling, or now and then a typo; sometimes
 * a word for another topic of the vocabulary, a word no topic knows, or a blank.
 */
export function legacyTopicWords(
  seed: number,
  owner: "case" | "course",
  index: number,
  ownerThemes: readonly (typeof themes)[number][],
): PlantedWord[] {
  const random = Random.forItem(seed, `${owner}-topic-words`, index);
  const { topics: vocabulary, byId } = starterVocabulary();
  const chosen = ownerThemes.map((theme) => themeTopic[theme]);
  if (random.chance(EXTRA_TOPIC_CHANCE)) {
    const others = vocabulary.filter((t) => !chosen.includes(t.id));
    chosen.push(random.pick(others).id);
  }
  const words: PlantedWord[] = [];
  for (const topicId of chosen) {
    const topic = byId.get(topicId);
    if (!topic) throw new Error(`Synthetic topic words: ${topicId} is not in the starter vocabulary.`);
    const typos = typoWords[topicId] ?? [];
    if (typos.length > 0 && random.chance(TYPO_CHANCE)) {
      words.push({ word: random.pick(typos), kind: "TYPO", topicId });
      continue;
    }
    const name = random.weighted<string>([[topic.labelNl, 3], [topic.labelEn, 3], ...topic.synonyms.map((s) => [s, 1] as const)]);
    words.push({ word: respell(name, random), kind: "EXACT", topicId });
  }
  if (random.chance(UNKNOWN_CHANCE)) {
    const word = respell(random.pick(unknownWordsOf(seed)), random);
    words.splice(random.int(words.length + 1), 0, { word, kind: "UNKNOWN", topicId: null });
  }
  if (random.chance(BLANK_CHANCE)) words.push({ word: random.pick(blankWords), kind: "BLANK", topicId: null });
  return words;
}

/**
 * The name as someone might have typed it: as written, capitalised, in capitals (short names), with hyphens for
 * spaces or the other way round, run together, or with stray spaces. All keep the name's key (normaliseWord).
 */
export function respell(name: string, random: Random): string {
  const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const choices: [() => string, number][] = [
    [() => name, 6],
    [() => capitalise(name), 3],
    [() => name.split(" ").map(capitalise).join(" "), 1],
    [() => `${name} `, 1],
    [() => ` ${capitalise(name)}  `, 0.5],
  ];
  if (name.replace(/[^\p{L}\p{N}]/gu, "").length <= 5) choices.push([() => name.toUpperCase(), 1]);
  if (name.includes(" ")) {
    choices.push([() => name.replaceAll(" ", "-"), 1], [() => name.replaceAll(" ", ""), 1]);
    choices.push([
      () => capitalise(name.replaceAll(" ", "-")).replace(/-(\p{L})/gu, (_, c: string) => `-${c.toUpperCase()}`),
      0.5,
    ]);
  }
  if (name.includes("-")) choices.push([() => name.replaceAll("-", " "), 1], [() => name.replaceAll("-", ""), 1]);
  return random.weighted(choices)();
}
