import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newThreadSchema, replySchema } from "./messages";

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));

describe("message forms", () => {
  it("need a subject and a body within their limits, and a project id or none", () => {
    expect(issues(newThreadSchema.safeParse({ subject: "  ", body: "", projectId: "" }))).toEqual({ subject: "messages.subjectRequired", body: "messages.bodyRequired" });
    expect(issues(newThreadSchema.safeParse({ subject: "x".repeat(201), body: "ok", projectId: "not-an-id" }))).toEqual({
      subject: "messages.subjectTooLong",
      projectId: "messages.projectInvalid",
    });
    expect(newThreadSchema.parse({ subject: " Hi ", body: " Hello ", projectId: "" })).toEqual({ subject: "Hi", body: "Hello", projectId: null, attachmentIds: [] });
  });

  it("take up to ten attachments, one or several, and refuse an eleventh", () => {
    const ids = Array.from({ length: 11 }, () => randomUUID());
    const threadId = randomUUID();
    expect(replySchema.parse({ threadId, body: "x", attachmentIds: ids[0] }).attachmentIds).toEqual([ids[0]]);
    expect(replySchema.parse({ threadId, body: "x", attachmentIds: ids.slice(0, 10) }).attachmentIds).toHaveLength(10);
    expect(issues(replySchema.safeParse({ threadId, body: "x", attachmentIds: ids }))).toEqual({ attachmentIds: "tooManyFiles" });
  });
});
