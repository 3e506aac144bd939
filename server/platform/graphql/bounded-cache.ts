/**
 * A Map that keeps at most `maxEntries` entries, dropping the least recently used first: for what is computed per
 * document text (or per document and caller) and asked again with every request of the same operation (#19 part 3).
 * Keys are compared as Map keys (strings by value); values are whatever the caller computed, never a caller's answer.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly maxEntries: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Most recently used last: delete and set again (Map keeps insertion order).
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  /** The value for `key`, computed by `make` (and kept) when it is not there. */
  getOrSet(key: K, make: () => V): V {
    const found = this.get(key);
    if (found !== undefined) return found;
    const made = make();
    this.set(key, made);
    return made;
  }

  get size(): number {
    return this.entries.size;
  }
}
