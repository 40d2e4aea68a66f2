import { describe, expect, it } from "vitest";
import { createDateFormatter } from "@/lib/i18n/date-format";
import { formatCalendarDay, isCalendarDay } from "./calendar-day";

describe("a calendar day from a date input", () => {
  it("is a real day of a plausible year", () => {
    expect(["2026-03-01", "2028-02-29", "2000-01-01", "2100-12-31"].every(isCalendarDay)).toBe(true);
  });

  it("refuses impossible days, typos in the year and other formats, which would break the calendar feed", () => {
    expect(["2026-02-30", "2027-02-29", "0026-03-01", "1999-12-31", "2101-01-01", "20260-01-01", "2026-3-1", "01.03.2026", "", "2026-13-45", "2026-00-10", "2026-01-32"].some(isCalendarDay)).toBe(false);
  });
});

describe("formatCalendarDay", () => {
  it("writes the day in the reader's chosen format, or in their language's with next-intl's formatter", () => {
    const dates = createDateFormatter({ locale: "en", timeZone: "Pacific/Honolulu", dateFormat: "dmy", timeFormat: "locale" });
    expect(formatCalendarDay(dates, "2026-03-01")).toBe("01/03/2026");
    const language = { dateTime: (date: Date, options: { dateStyle: "medium"; timeZone: string }) => new Intl.DateTimeFormat("en", options).format(date) };
    expect(formatCalendarDay(language, "2026-03-01")).toBe("Mar 1, 2026");
  });
});
