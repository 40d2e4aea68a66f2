import type { DateFormat, TimeFormat } from "@/lib/constants";

/** What decides how a reader sees a date: their language, time zone and chosen formats. */
export type DateTimePreferences = { locale: string; timeZone: string; dateFormat: DateFormat; timeFormat: TimeFormat };

export type DateFormatter = {
  /** An instant's day in the reader's zone, e.g. "26 Nov 2026" or "2026-11-26". */
  date(value: Date): string;
  /** An instant's time of day in the reader's zone, 12- or 24-hour. */
  time(value: Date): string;
  /** Both. */
  dateTime(value: Date): string;
  /** A calendar day stored as YYYY-MM-DD (a due date): the same day in every zone. */
  day(value: string): string;
  /** A calendar day without its year, for tight spaces such as a chart's axis: "Nov 26", "26/11". */
  shortDay(value: string): string;
};

const hourCycles = { locale: undefined, h12: "h12", h24: "h23" } as const;

/**
 * The one place dates and times are formatted for people: pages, PDFs, emails and CSV files all ask
 * it, so the reader's zone and formats apply everywhere.
 */
export function createDateFormatter(preferences: DateTimePreferences): DateFormatter {
  const { locale, timeZone, dateFormat } = preferences;
  const hourCycle = hourCycles[preferences.timeFormat];
  const timeOptions: Intl.DateTimeFormatOptions = { timeStyle: "short", timeZone, ...(hourCycle ? { hourCycle } : {}) };
  const localeDate = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });
  const localeDateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", ...timeOptions });
  const time = new Intl.DateTimeFormat(locale, timeOptions);
  // Built once: a CSV export formats every row with the same formatter.
  const numericFormats = new Map<string, Intl.DateTimeFormat>();
  const numericParts = (value: Date, zone: string) => {
    let format = numericFormats.get(zone);
    if (!format) numericFormats.set(zone, (format = new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })));
    const parts = format.formatToParts(value);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
    return { y: part("year"), m: part("month"), d: part("day") };
  };
  const numeric = (value: Date, zone: string): string => {
    const { y, m, d } = numericParts(value, zone);
    if (dateFormat === "dmy") return `${d}/${m}/${y}`;
    if (dateFormat === "mdy") return `${m}/${d}/${y}`;
    return `${y}-${m}-${d}`;
  };
  const localeDay = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const localeShortDay = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" });
  const dayInstant = (value: string) => new Date(`${value}T00:00:00Z`);
  const date = (value: Date) => (dateFormat === "locale" ? localeDate.format(value) : numeric(value, timeZone));
  return {
    date,
    time: (value) => time.format(value),
    dateTime: (value) => (dateFormat === "locale" ? localeDateTime.format(value) : `${numeric(value, timeZone)} ${time.format(value)}`),
    day: (value) => (dateFormat === "locale" ? localeDay.format(dayInstant(value)) : numeric(dayInstant(value), "UTC")),
    shortDay: (value) => {
      if (dateFormat === "locale") return localeShortDay.format(dayInstant(value));
      const { m, d } = numericParts(dayInstant(value), "UTC");
      return dateFormat === "dmy" ? `${d}/${m}` : dateFormat === "mdy" ? `${m}/${d}` : `${m}-${d}`;
    },
  };
}
