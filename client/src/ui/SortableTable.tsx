import { useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface Column<Row> {
  key: string;
  header: string;
  /** What the cell shows. */
  render: (row: Row) => ReactNode;
  /** What the column sorts by; without it the column does not sort. */
  sortValue?: (row: Row) => string | number;
  numeric?: boolean;
}

/**
 * A table whose headers sort it: the header is a button (keyboard-usable), and aria-sort tells
 * assistive technology which column sorts and how.
 */
export function SortableTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  initialSort,
}: {
  caption: string;
  columns: Array<Column<Row>>;
  rows: Row[];
  rowKey: (row: Row) => string;
  initialSort?: { key: string; descending: boolean };
}) {
  const { t } = useTranslation();
  const [sort, setSort] = useState(initialSort);
  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort?.key);
    if (!column?.sortValue || !sort) return rows;
    const value = column.sortValue;
    const sign = sort.descending ? -1 : 1;
    return [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (typeof x === "number" && typeof y === "number") return sign * (x - y);
      return sign * String(x).localeCompare(String(y));
    });
  }, [rows, columns, sort]);

  return (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => {
            const active = sort?.key === c.key;
            const ariaSort = active ? (sort.descending ? "descending" : "ascending") : "none";
            return (
              <th
                key={c.key}
                scope="col"
                aria-sort={c.sortValue ? ariaSort : undefined}
                className={c.numeric ? "num" : undefined}
              >
                {c.sortValue ? (
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => setSort({ key: c.key, descending: active ? !sort.descending : c.numeric === true })}
                    title={t("common.sortBy", { column: c.header })}
                  >
                    {c.header}
                    <span aria-hidden="true">{active ? (sort.descending ? " ▼" : " ▲") : " ↕"}</span>
                  </button>
                ) : (
                  c.header
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {sorted.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((c) => (
              <td key={c.key} className={c.numeric ? "num" : undefined}>
                {c.render(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
