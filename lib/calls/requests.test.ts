import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, callPreferences, callRequests } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { testAgent, testAssignment } from "@/db/testing/calls";
import { AppError } from "@/lib/errors";
import { getAccountCallPreferences, updateCallPreferences } from "./preferences";
import { cancelCallRequest, createCallRequest, getCallRequestsPage } from "./requests";

const db = setupTestDatabase();
const info = { ip: null, userAgent: null };
// An hour ahead: the platform's claims (other test files) take only due requests, so these stay pending.
const later = () => new Date(Date.now() + 3_600_000);
const preferences = { recordingConsent: true, autoRecord: true, aiAssistance: false, callQuality: "hd", noiseCancellation: false, autoAnswer: true } as const;

describe("call preferences", () => {
  it("are the defaults until saved, then the account's for every member, audited", async () => {
    const customer = await signedInUser("customer", "prefs");
    expect(await getAccountCallPreferences(customer)).toMatchObject({ recordingConsent: false, callQuality: "high" });
    expect(await updateCallPreferences(customer, preferences, info)).toEqual({ status: "ok" });
    expect(await getAccountCallPreferences(customer)).toEqual(preferences);
    expect(await updateCallPreferences(customer, preferences, info)).toEqual({ status: "unchanged" });
    const audits = await db().select({ metadata: auditLog.metadata }).from(auditLog).where(and(eq(auditLog.action, "user.call_preferences_updated"), eq(auditLog.actorId, customer.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.metadata).toMatchObject({ accountId: customer.accountId, recordingConsent: true });
  });

  it("refuse recording automatically without consent to recording, and save nothing", async () => {
    const customer = await signedInUser("customer", "prefs-consent");
    expect(await updateCallPreferences(customer, { ...preferences, recordingConsent: false }, info)).toEqual({ status: "auto_record_needs_consent" });
    expect(await db().select().from(callPreferences).where(eq(callPreferences.accountId, customer.accountId!))).toEqual([]);
  });

  it("are not staff's to change here", async () => {
    const admin = await signedInUser("admin", "prefs-staff");
    await expect(updateCallPreferences(admin, preferences, info)).rejects.toThrow(AppError);
  });
});

describe("call requests", () => {
  it("are created for the account with one of its assigned agents, audited, and listed newest first", async () => {
    const customer = await signedInUser("customer", "request");
    const agent = await testAgent({ name: "Ada" });
    await testAssignment(customer.accountId!, agent.id);
    const first = await createCallRequest(customer, { toNumber: "+4930123456", agentId: agent.id, scheduledFor: later(), notes: "Ask about the quote" }, info);
    const second = await createCallRequest(customer, { toNumber: "+4930999999", agentId: null, scheduledFor: later(), notes: "" }, info);
    expect(first.status).toBe("ok");
    const page = await getCallRequestsPage(customer);
    expect(page.agents).toEqual([{ id: agent.id, name: "Ada" }]);
    expect(page.requests.map((request) => request.toNumber)).toEqual(["+4930999999", "+4930123456"]);
    expect(page.requests[1]).toMatchObject({ agentName: "Ada", status: "pending", notes: "Ask about the quote", callId: null });
    if (second.status === "ok") await cancelCallRequest(customer, second.requestId, info);
    const audits = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.actorId, customer.id));
    expect(audits.map((row) => row.action).sort()).toEqual(["user.call_request_cancelled", "user.call_requested", "user.call_requested"]);
  });

  it("refuse an agent not assigned to the account and a time in the past", async () => {
    const customer = await signedInUser("customer", "request-bad");
    const stranger = await testAgent();
    const other = await signedInUser("customer", "request-bad-other");
    await testAssignment(other.accountId!, stranger.id);
    expect(await createCallRequest(customer, { toNumber: "+4930123456", agentId: stranger.id, scheduledFor: null, notes: "" }, info)).toEqual({ status: "agent_not_assigned" });
    expect(await createCallRequest(customer, { toNumber: "+4930123456", agentId: null, scheduledFor: new Date(Date.now() - 3_600_000), notes: "" }, info)).toEqual({ status: "scheduled_in_past" });
    expect(await db().select().from(callRequests).where(eq(callRequests.accountId, customer.accountId!))).toEqual([]);
  });

  it("are cancelled only while pending and only by their own account: anything else is not_found", async () => {
    const owner = await signedInUser("customer", "cancel-owner");
    const stranger = await signedInUser("customer", "cancel-stranger");
    const created = await createCallRequest(owner, { toNumber: "+4930123456", agentId: null, scheduledFor: later(), notes: "" }, info);
    if (created.status !== "ok") throw new Error(created.status);
    expect(await cancelCallRequest(stranger, created.requestId, info)).toEqual({ status: "not_found" });
    const [claimed] = await db().insert(callRequests).values({ accountId: owner.accountId!, toNumber: "+4930123456", status: "claimed" }).returning();
    expect(await cancelCallRequest(owner, claimed!.id, info)).toEqual({ status: "not_found" });
    expect(await cancelCallRequest(owner, created.requestId, info)).toEqual({ status: "ok" });
    expect(await cancelCallRequest(owner, created.requestId, info)).toEqual({ status: "not_found" });
    const [after] = await db().select({ status: callRequests.status }).from(callRequests).where(eq(callRequests.id, created.requestId));
    expect(after!.status).toBe("cancelled");
  });
});
