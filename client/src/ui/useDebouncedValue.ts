import { useEffect, useState } from "react";

/**
 * The value once it has stood still for `delayMs`: while it keeps changing (a word typed key by key) the previous
 * settled value stays, so whatever depends on it (a query's variables) changes once per pause instead of per key.
 */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
