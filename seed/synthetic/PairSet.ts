/**
 * The set of person pairs that already have a tie, as an open-addressing hash table of numbers
 * (min · people + max + 1) in one Float64Array: a million pairs take 32 MB and no objects.
 */
export class PairSet {
  private slots: Float64Array;
  private used = 0;

  constructor(
    private readonly people: number,
    expected: number,
  ) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Float64Array(capacity);
  }

  get size(): number {
    return this.used;
  }

  /** Adds the unordered pair {a, b}; false when it was there already. */
  add(a: number, b: number): boolean {
    const key = (a < b ? a * this.people + b : b * this.people + a) + 1;
    if (this.insert(this.slots, key)) {
      this.used++;
      if (this.used * 2 > this.slots.length) this.grow();
      return true;
    }
    return false;
  }

  has(a: number, b: number): boolean {
    const key = (a < b ? a * this.people + b : b * this.people + a) + 1;
    const mask = this.slots.length - 1;
    for (let i = hash(key) & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i];
      if (slot === key) return true;
      if (slot === 0) return false;
    }
  }

  private insert(slots: Float64Array, key: number): boolean {
    const mask = slots.length - 1;
    for (let i = hash(key) & mask; ; i = (i + 1) & mask) {
      const slot = slots[i];
      if (slot === key) return false;
      if (slot === 0) {
        slots[i] = key;
        return true;
      }
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    for (const key of old) if (key !== 0) this.insert(this.slots, key);
  }
}

function hash(key: number): number {
  let h = Math.imul((key % 4294967296) >>> 0, 0x9e3779b1) ^ Math.imul(Math.floor(key / 4294967296), 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 0;
}
