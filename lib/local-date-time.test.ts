import { describe, expect, it } from "vitest";
import { localDateTimeToUtc, utcToLocalDateTime } from "./local-date-time";

describe("wall-clock times in a time zone", () => {
  it("reads a datetime-local value in the user's zone, in winter and summer", () => {
    expect(localDateTimeToUtc("2026-01-15T09:30", "Europe/Berlin")?.toISOString()).toBe("2026-01-15T08:30:00.000Z");
    expect(localDateTimeToUtc("2026-07-15T09:30", "Europe/Berlin")?.toISOString()).toBe("2026-07-15T07:30:00.000Z");
    expect(localDateTimeToUtc("2026-07-15T09:30", "America/New_York")?.toISOString()).toBe("2026-07-15T13:30:00.000Z");
    expect(localDateTimeToUtc("2026-07-15T09:30", "UTC")?.toISOString()).toBe("2026-07-15T09:30:00.000Z");
  });

  it("moves a time skipped by daylight saving time an hour on, and refuses what is not a time", () => {
    expect(localDateTimeToUtc("2026-03-29T02:30", "Europe/Berlin")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(localDateTimeToUtc("2026-02-30T10:00", "UTC")).toBeNull();
    expect(localDateTimeToUtc("tomorrow", "UTC")).toBeNull();
    expect(localDateTimeToUtc("2026-01-01T24:00", "UTC")).toBeNull();
  });

  it("writes an instant back as the zone's wall-clock time", () => {
    expect(utcToLocalDateTime(new Date("2026-07-15T07:30:00Z"), "Europe/Berlin")).toBe("2026-07-15T09:30");
  });
});
