import { describe, expect, it } from "vitest";
import { canonicalTimeZone, timeZoneOptions, utcOffset } from "./time-zones";

describe("time zones", () => {
  it("store the current IANA name for any alias", () => {
    expect(canonicalTimeZone("Asia/Calcutta")).toBe("Asia/Kolkata");
    expect(canonicalTimeZone("Europe/Kiev")).toBe("Europe/Kyiv");
    expect(canonicalTimeZone("US/Eastern")).toBe("America/New_York");
    expect(canonicalTimeZone("Etc/UTC")).toBe("UTC");
    expect(canonicalTimeZone("Mars/Olympus_Mons")).toBeNull();
  });

  it("show UTC offsets that follow daylight saving time", () => {
    expect(utcOffset("Europe/Berlin", new Date("2026-01-15T12:00:00Z"))).toBe("+01:00");
    expect(utcOffset("Europe/Berlin", new Date("2026-07-15T12:00:00Z"))).toBe("+02:00");
    expect(utcOffset("Asia/Kolkata", new Date("2026-07-15T12:00:00Z"))).toBe("+05:30");
    expect(utcOffset("UTC")).toBe("+00:00");
  });

  it("label each option with its offset and a localised name, sorted by offset, current names only", () => {
    const winter = new Date("2026-01-15T12:00:00Z");
    const german = timeZoneOptions("de", winter);
    expect(german.find((option) => option.value === "Europe/Berlin")?.label).toBe("(UTC+01:00) Europe/Berlin · Mitteleuropäische Zeit");
    expect(german.map((option) => option.value)).toContain("Asia/Kolkata");
    expect(german.map((option) => option.value)).not.toContain("Asia/Calcutta");
    const offsets = german.map((option) => option.offset);
    expect(offsets[0]).toBe("-11:00");
    expect(offsets.at(-1)).toBe("+14:00");
  });
});
