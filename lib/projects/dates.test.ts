import { describe, expect, it } from "vitest";
import { isOverdue, todayIn } from "./dates";

describe("milestone dates", () => {
  it("take today from the user's time zone", () => {
    const instant = new Date("2026-03-01T23:30:00Z");
    expect(todayIn("UTC", instant)).toBe("2026-03-01");
    expect(todayIn("Europe/Berlin", instant)).toBe("2026-03-02");
    expect(todayIn("America/Los_Angeles", instant)).toBe("2026-03-01");
  });

  it("count a milestone overdue from the day after its due date, unless it is done", () => {
    expect(isOverdue({ dueDate: "2026-03-01", completedAt: null }, "2026-03-01")).toBe(false);
    expect(isOverdue({ dueDate: "2026-03-01", completedAt: null }, "2026-03-02")).toBe(true);
    expect(isOverdue({ dueDate: "2026-03-01", completedAt: new Date("2026-03-03") }, "2026-03-05")).toBe(false);
  });
});
