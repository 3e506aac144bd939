/** How big a synthetic graph is. Every count is exact except where noted in the generator. */
export interface SyntheticSize {
  people: number;
  /** KNOWS relationships, one per pair. */
  ties: number;
  institutions: number;
  programmes: number;
  courses: number;
  cases: number;
  /** Default: 60 % of the cases (some SMEs ask more than one question). */
  smes?: number;
  seed: number;
}

export type ScaleName = "S" | "M" | "L" | "XL";

/**
 * Named sizes for benchmarks. S is about the size of the demo data; M and L are for measuring how
 * queries scale (L: a whole country's worth of institutions, 100k people, 1M ties). XL (#19) is a national network of
 * every teacher, manager and contact: ten times L's people, ties, programmes, courses and cases, but L's 110
 * institutions — the Netherlands has about 14 universities, 36 universities of applied sciences and 60 MBO colleges,
 * so more people means more people per institution, not more institutions. 10,000 programmes is about what those
 * institutions offer once an MBO qualification counts once per college that teaches it.
 */
export const scales: Record<ScaleName, SyntheticSize> = {
  S: { people: 300, ties: 1_500, institutions: 8, programmes: 20, courses: 60, cases: 80, smes: 50, seed: 42 },
  M: { people: 10_000, ties: 100_000, institutions: 35, programmes: 100, courses: 1_000, cases: 5_000, seed: 42 },
  L: { people: 100_000, ties: 1_000_000, institutions: 110, programmes: 1_000, courses: 10_000, cases: 50_000, seed: 42 },
  XL: {
    people: 1_000_000,
    ties: 10_000_000,
    institutions: 110,
    programmes: 10_000,
    courses: 100_000,
    cases: 500_000,
    seed: 42,
  },
};

/**
 * A size between the named ones in XL's proportions (L's 110 institutions, a programme per hundred people, a course
 * per ten, a case per two): for trying a step of the XL bench at a fraction of its size first.
 */
export function sizeLikeXl(people: number, ties: number, seed = 42): SyntheticSize {
  return { ...sizeForPeople(people, ties, seed), institutions: Math.min(110, Math.max(3, Math.floor(people / 8))) };
}

/**
 * A size derived from the number of people, in the proportions of M and L (a course per ten
 * people, a programme per hundred, a case per two); used when only people and ties are given.
 */
export function sizeForPeople(people: number, ties: number, seed: number): SyntheticSize {
  return {
    people,
    ties,
    institutions: Math.max(3, Math.round(110 * Math.sqrt(people / 100_000))),
    programmes: Math.max(3, Math.round(people / 100)),
    courses: Math.max(3, Math.round(people / 10)),
    cases: Math.max(1, Math.round(people / 2)),
    seed,
  };
}

/** The SME count a size stands for. */
export function smeCount(size: SyntheticSize): number {
  return size.smes ?? Math.max(1, Math.round(size.cases * 0.6));
}

/** A size the generator cannot build; the message says which number to change. */
export class SyntheticSizeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SyntheticSizeError";
  }
}

export function validateSize(size: SyntheticSize): void {
  const whole = (name: string, value: number | undefined, min: number): void => {
    if (value === undefined) return;
    if (!Number.isSafeInteger(value) || value < min) {
      throw new SyntheticSizeError(`Synthetic size: ${name} must be a whole number of at least ${min}, got ${value}.`);
    }
  };
  whole("people", size.people, 20);
  whole("ties", size.ties, 0);
  whole("institutions", size.institutions, 1);
  whole("programmes", size.programmes, 1);
  whole("courses", size.courses, 1);
  whole("cases", size.cases, 0);
  whole("smes", size.smes, 1);
  whole("seed", size.seed, 0);
  if (size.seed > 0xffffffff) throw new SyntheticSizeError(`Synthetic size: seed must fit in 32 bits, got ${size.seed}.`);
  // Ties are drawn at random and duplicates redrawn: keep the graph sparse enough for that to end.
  const maxTies = Math.floor((size.people * (size.people - 1)) / 8);
  if (size.ties > maxTies) {
    throw new SyntheticSizeError(
      `Synthetic size: ${size.ties} ties is too dense for ${size.people} people (at most ${maxTies}).`,
    );
  }
  if (size.institutions * 8 > size.people) {
    throw new SyntheticSizeError(
      `Synthetic size: ${size.institutions} institutions need at least ${size.institutions * 8} people.`,
    );
  }
  // Ids carry six digits ("p-000123"), numbered from 0: a million of a kind still fits (XL's people).
  for (const [name, value] of [
    ["people", size.people],
    ["cases", size.cases],
    ["smes", size.smes ?? 0],
    ["courses", size.courses],
  ] as const) {
    if (value > 1_000_000) throw new SyntheticSizeError(`Synthetic size: at most 1,000,000 ${name}, got ${value}.`);
  }
  if (size.institutions > 9_999)
    throw new SyntheticSizeError(`Synthetic size: at most 9,999 institutions, got ${size.institutions}.`);
  if (size.programmes > 99_999)
    throw new SyntheticSizeError(`Synthetic size: at most 99,999 programmes, got ${size.programmes}.`);
}
