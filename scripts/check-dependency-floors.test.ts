import { describe, expect, it } from "vitest";
import { compareVersions } from "./check-dependency-floors.mjs";

describe("dependency floors", () => {
  it("orders releases and pre-releases as semver does", () => {
    expect(compareVersions("16.3.2", "16.3.3")).toBeLessThan(0);
    expect(compareVersions("16.10.0", "16.3.3")).toBeGreaterThan(0);
    expect(compareVersions("5.0.0-beta.9", "5.0.0-beta.32")).toBeLessThan(0);
    expect(compareVersions("5.0.0-beta.32", "5.0.0-beta.32")).toBe(0);
    expect(compareVersions("5.0.0", "5.0.0-beta.32")).toBeGreaterThan(0);
    expect(compareVersions("0.34.9", "0.35.0")).toBeLessThan(0);
  });
});
