import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { convertRequestSchema, projectRequestSchema } from "./project-requests";

const valid = { title: "Shop", goals: "Sell online", budgetRange: "not_sure", contactPreference: "email" };
const firstErrors = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));

describe("the project request questionnaire", () => {
  it("takes a form without the optional fields: no deadline, no scope, no attachments", () => {
    expect(projectRequestSchema.parse(valid)).toEqual({ ...valid, scope: "", desiredDeadline: null, attachmentIds: [] });
    expect(projectRequestSchema.parse({ ...valid, desiredDeadline: "", attachmentIds: randomUUID() })).toMatchObject({ desiredDeadline: null, attachmentIds: [expect.any(String)] });
  });

  it("names each bad field with its own message", () => {
    const result = projectRequestSchema.safeParse({ title: " ", goals: "", budgetRange: "a lot", contactPreference: "pigeon", desiredDeadline: "2026-02-30", scope: "x".repeat(4001) });
    expect(firstErrors(result)).toEqual({
      title: "projectRequest.titleRequired",
      goals: "projectRequest.goalsRequired",
      budgetRange: "projectRequest.budgetInvalid",
      contactPreference: "projectRequest.contactInvalid",
      desiredDeadline: "projectRequest.deadlineInvalid",
      scope: "projectRequest.textTooLong",
    });
  });

  it("refuses an 11th attachment", () => {
    const result = projectRequestSchema.safeParse({ ...valid, attachmentIds: Array.from({ length: 11 }, () => randomUUID()) });
    expect(firstErrors(result)).toEqual({ attachmentIds: "tooManyFiles" });
  });
});

describe("converting a request", () => {
  it("needs a project name; the dates are optional", () => {
    expect(convertRequestSchema.parse({ requestId: randomUUID(), name: "Shop" })).toMatchObject({ description: "", startDate: null, dueDate: null });
    expect(firstErrors(convertRequestSchema.safeParse({ requestId: "nope", name: "" }))).toEqual({ requestId: "invalid", name: "projectRequest.projectNameRequired" });
  });
});
