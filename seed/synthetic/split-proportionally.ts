/**
 * Splits `total` into whole parts proportional to `weights` (largest remainder), giving every part
 * at least `min` when the total allows it. The parts always add up to `total`.
 */
export function splitProportionally(total: number, weights: readonly number[], min = 0): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const floor = total >= min * n ? min : 0;
  const rest = total - floor * n;
  const sum = weights.reduce((a, w) => a + w, 0) || 1;
  const exact = weights.map((w) => (rest * w) / sum);
  const parts = exact.map((x) => floor + Math.floor(x));
  let missing = total - parts.reduce((a, p) => a + p, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; missing > 0; k = (k + 1) % n, missing--) {
    const index = byRemainder[k]?.[1] ?? 0;
    parts[index] = (parts[index] ?? 0) + 1;
  }
  return parts;
}

/** Turns part sizes into start offsets: [3, 2, 4] → [0, 3, 5, 9] (one more entry than parts). */
export function offsetsOf(parts: readonly number[], start = 0): number[] {
  const offsets = [start];
  for (const p of parts) offsets.push((offsets[offsets.length - 1] ?? start) + p);
  return offsets;
}
