import { useCallback, useEffect, useState } from "react";

/** The board's filter keys a saved filter keeps (state, topic, partner, level, mine, and the rest of the board's). */
export const SAVED_FILTER_KEYS = ["status", "topic", "partner", "level", "mine", "institution", "coordinator", "search"] as const;

export interface SavedBoardFilter {
  name: string;
  /** The filter as the board's address holds it (`level=HBO&mine=1`), so applying one is setting the address. */
  query: string;
}

/**
 * Saved board filters, per user, in this browser's localStorage under `werkplaats.boardFilters.<user id>`.
 * Why the browser and not the graph: a saved filter is a view preference that names no person and holds no case
 * data (ids of a partner or topic at most), so it needs none of the GDPR handling (export, erasure, backup) a node
 * in the graph gets, and no schema, resolver or migration; keyed by the account id, two people sharing a browser
 * keep their own. The cost: the filters stay on the device they were saved on (docs/case-workflow.md "The board").
 */
export function useSavedBoardFilters(userId: string) {
  const key = `werkplaats.boardFilters.${userId}`;
  const [filters, setFilters] = useState<SavedBoardFilter[]>(() => read(key));
  useEffect(() => setFilters(read(key)), [key]);

  const write = useCallback(
    (next: SavedBoardFilter[]) => {
      setFilters(next);
      try {
        localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // A full or blocked storage: the filter lives until the page is left.
      }
    },
    [key],
  );
  const save = useCallback(
    (name: string, params: URLSearchParams) => {
      const kept = new URLSearchParams();
      for (const k of SAVED_FILTER_KEYS) {
        const value = params.get(k);
        if (value) kept.set(k, value);
      }
      // The same name replaces the earlier filter.
      write(
        [...filters.filter((f) => f.name !== name), { name, query: kept.toString() }].sort((a, b) =>
          a.name.localeCompare(b.name),
        ),
      );
    },
    [filters, write],
  );
  const remove = useCallback((name: string) => write(filters.filter((f) => f.name !== name)), [filters, write]);
  return { filters, save, remove };
}

function read(key: string): SavedBoardFilter[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? "[]");
    if (!Array.isArray(value)) return [];
    return value.filter(
      (f): f is SavedBoardFilter =>
        typeof f === "object" &&
        f !== null &&
        typeof (f as SavedBoardFilter).name === "string" &&
        typeof (f as SavedBoardFilter).query === "string",
    );
  } catch {
    return [];
  }
}
