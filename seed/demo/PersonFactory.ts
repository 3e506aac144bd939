import type { DemoGraph, Props } from "./DemoGraph.js";
import type { Random } from "./create-random.js";
import { FIRST_NAMES, LAST_NAMES, slugify } from "./names.js";

export interface PersonSeed {
  jobTitle: string;
  /** E-mail domain, always a reserved example domain (e.g. "hal.example"). */
  domain: string;
  note?: string;
  /** "first" gives voornaam@domain (SME owners); default voornaam.achternaam@domain. */
  emailStyle?: "first" | "full";
}

/**
 * Makes the demo's people: unique names (hand-picked ones for the people the README points at,
 * made-up ones for the rest), stable ids "person-<name>", e-mail at example domains and phone
 * numbers in the fictional +31 6 0000 xxxx range.
 */
export class PersonFactory {
  private readonly taken = new Set<string>();
  private phoneCounter = 1000;

  constructor(
    private readonly graph: DemoGraph,
    private readonly rng: Random,
    /** Hand-picked names used somewhere in the data set, kept out of the made-up ones. */
    reserved: Iterable<string>,
  ) {
    for (const name of reserved) this.taken.add(name);
  }

  static idFor(name: string): string {
    return `person-${slugify(name)}`;
  }

  /** Adds a person with a hand-picked name; returns the id. */
  add(name: string, seed: PersonSeed, extra: Props = {}): string {
    const id = PersonFactory.idFor(name);
    this.taken.add(name);
    const [first = name, ...rest] = name.split(" ");
    const local = seed.emailStyle === "first" ? slugify(first) : `${slugify(first)}.${slugify(rest.join("")).replace(/-/g, "")}`;
    this.phoneCounter += 1;
    this.graph.addNode("Person", id, {
      name,
      email: `${local}@${seed.domain}`,
      phone: `+31 6 0000 ${this.phoneCounter}`,
      jobTitle: seed.jobTitle,
      note: seed.note ?? null,
      ...extra,
    });
    return id;
  }

  /** Adds a person with a made-up name that no one else has; returns the id. */
  addGenerated(seed: PersonSeed, extra: Props = {}): string {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const name = `${this.rng.pick(FIRST_NAMES)} ${this.rng.pick(LAST_NAMES)}`;
      if (!this.taken.has(name) && !this.graph.hasNode("Person", PersonFactory.idFor(name))) {
        return this.add(name, seed, extra);
      }
    }
    throw new Error("demo data: ran out of unique names");
  }
}
