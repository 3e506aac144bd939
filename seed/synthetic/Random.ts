/**
 * A small seeded pseudo-random generator (mulberry32): the same seed gives the same sequence on
 * every machine, which is what makes a synthetic graph reproducible. Never Math.random here.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /**
   * A generator for one item of one kind ("person" 123), independent of how many numbers other
   * items drew: properties then do not shift when a size or the batch size changes.
   */
  static forItem(seed: number, kind: string, index: number): Random {
    return new Random(mixSeed(seed, kind, index));
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max], both included. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error("Random.pick from an empty list");
    return item;
  }

  /** Picks by weight: `weighted([["A", 3], ["B", 1]])` gives A three times as often. */
  weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of choices) total += w;
    let u = this.next() * total;
    for (const [value, w] of choices) {
      u -= w;
      if (u < 0) return value;
    }
    const last = choices[choices.length - 1];
    if (!last) throw new Error("Random.weighted from an empty list");
    return last[0];
  }

  /** `count` distinct items, in the order drawn (count is capped at the list's length). */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) {
      const [item] = pool.splice(this.int(pool.length), 1);
      out.push(item as T);
    }
    return out;
  }
}

/** Hashes (seed, kind, index) into a 32-bit seed (FNV-1a over the kind, then a murmur3 finaliser). */
export function mixSeed(seed: number, kind: string, index: number): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < kind.length; i++) {
    h = Math.imul(h ^ kind.charCodeAt(i), 0x01000193);
  }
  h = Math.imul(h ^ (index >>> 0), 0x9e3779b1);
  h ^= Math.floor(index / 4294967296);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * `Random(seed).next` as a plain function: the same mulberry32 sequence, for the benches and tests that draw numbers
 * one by one (`random()`), so none of them carries its own copy of the generator.
 */
export function seededRandom(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}
