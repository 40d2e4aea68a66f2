import { describe, expect, it } from "vitest";
import { projectProgress } from "./progress";

describe("a project's progress", () => {
  it("is the share of tasks done, rounded to whole percent", () => {
    expect(projectProgress({ status: "in_progress", progressOverride: null, tasksTotal: 3, tasksDone: 1 })).toBe(33);
    expect(projectProgress({ status: "in_progress", progressOverride: null, tasksTotal: 3, tasksDone: 2 })).toBe(67);
    expect(projectProgress({ status: "in_progress", progressOverride: null, tasksTotal: 4, tasksDone: 4 })).toBe(100);
  });

  it("is what staff set when they override it, whatever the tasks say", () => {
    expect(projectProgress({ status: "in_progress", progressOverride: 80, tasksTotal: 4, tasksDone: 1 })).toBe(80);
    expect(projectProgress({ status: "completed", progressOverride: 0, tasksTotal: 0, tasksDone: 0 })).toBe(0);
  });

  it("without tasks is 0 until the project is completed, then 100", () => {
    expect(projectProgress({ status: "planned", progressOverride: null, tasksTotal: 0, tasksDone: 0 })).toBe(0);
    expect(projectProgress({ status: "completed", progressOverride: null, tasksTotal: 0, tasksDone: 0 })).toBe(100);
  });
});
