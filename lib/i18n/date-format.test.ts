import { describe, expect, it } from "vitest";
import { createDateFormatter } from "./date-format";

const instant = new Date("2026-03-29T00:30:00Z");

describe("createDateFormatter", () => {
  it("shows an instant on the reader's day, in the chosen order", () => {
    const base = { locale: "en", timeZone: "America/New_York", timeFormat: "h24" } as const;
    expect(createDateFormatter({ ...base, dateFormat: "ymd" }).date(instant)).toBe("2026-03-28");
    expect(createDateFormatter({ ...base, dateFormat: "dmy" }).date(instant)).toBe("28/03/2026");
    expect(createDateFormatter({ ...base, dateFormat: "mdy" }).date(instant)).toBe("03/28/2026");
    expect(createDateFormatter({ ...base, dateFormat: "ymd" }).dateTime(instant)).toBe("2026-03-28 20:30");
  });

  it("follows the chosen clock, whatever the language's habit", () => {
    const berlin = { locale: "de", timeZone: "Europe/Berlin", dateFormat: "locale" } as const;
    expect(createDateFormatter({ ...berlin, timeFormat: "h12" }).time(instant)).toMatch(/1:30\s?AM/i);
    expect(createDateFormatter({ ...berlin, timeFormat: "h24" }).time(instant)).toBe("01:30");
    expect(createDateFormatter({ locale: "en", timeZone: "UTC", dateFormat: "locale", timeFormat: "h24" }).time(instant)).toBe("00:30");
  });

  it("keeps a calendar day the same in every zone", () => {
    const formatter = createDateFormatter({ locale: "en", timeZone: "Pacific/Auckland", dateFormat: "dmy", timeFormat: "locale" });
    expect(formatter.day("2026-12-31")).toBe("31/12/2026");
  });

  it("writes a day without its year in the chosen order, for a chart's axis", () => {
    const dayOf = (locale: string, dateFormat: "locale" | "dmy" | "mdy" | "ymd") => createDateFormatter({ locale, timeZone: "Pacific/Auckland", dateFormat, timeFormat: "locale" }).shortDay("2026-12-31");
    expect(dayOf("en", "locale")).toBe("Dec 31");
    expect(dayOf("de", "locale")).toBe("31. Dez.");
    expect(dayOf("en", "dmy")).toBe("31/12");
    expect(dayOf("en", "mdy")).toBe("12/31");
    expect(dayOf("de", "ymd")).toBe("12-31");
  });
});
