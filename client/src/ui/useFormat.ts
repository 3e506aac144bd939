import { useMemo } from "react";
import { useTranslation } from "react-i18next";

/** Numbers, percentages and dates in the UI language's conventions (1.234,5 in Dutch). */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en-GB" : "nl-NL";
  return useMemo(() => {
    const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const score = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
    const date = new Intl.DateTimeFormat(locale, {
      day: "numeric",
      month: "short",
      year: "numeric",
      timeZone: "Europe/Amsterdam",
    });
    const dateTime = new Intl.DateTimeFormat(locale, {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "Europe/Amsterdam",
    });
    return {
      locale,
      integer: (n: number) => integer.format(n),
      decimal: (n: number) => decimal.format(n),
      score: (n: number) => score.format(n),
      percent: (n: number | null | undefined) => (n === null || n === undefined ? "—" : percent.format(n)),
      /** An ISO date (YYYY-MM-DD) or date-time. */
      date: (iso: string | null | undefined) => (iso ? date.format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso)) : "—"),
      dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : "—"),
    };
  }, [locale]);
}
