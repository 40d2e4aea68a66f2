import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, callHourlyStats, calls, notifications, users } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { testPlan } from "@/db/testing/billing";
import { testAgent, testCalls } from "@/db/testing/calls";
import { testSubscription } from "@/db/testing/subscriptions";
import { AppError } from "@/lib/errors";
import { importCalls } from "./import";

const db = setupTestDatabase();
const info = { ip: null, userAgent: null };
const header = "account,platform_call_id,agent_id,direction,status,from_number,to_number,started_at,duration_seconds,satisfaction,cost,currency,summary";

async function callsOf(accountId: string) {
  return db().select({ platformCallId: calls.platformCallId, agentId: calls.agentId, durationSeconds: calls.durationSeconds, summary: calls.summary, currency: calls.currency }).from(calls).where(eq(calls.accountId, accountId)).orderBy(calls.startedAt);
}

describe("importing calls from CSV", () => {
  it("writes every row of a good file with its statistics, naming accounts by id or owner email, audited with the count", async () => {
    const admin = await signedInUser("admin", "import");
    const customer = await signedInUser("customer", "import-owner");
    const agent = await testAgent();
    const [{ email }] = await db().select({ email: users.email }).from(users).where(eq(users.id, customer.id)) as [{ email: string }];
    const csv = [
      header,
      `${customer.accountId},imp-${customer.id}-1,${agent.id},inbound,completed,+49 30 123456,+4930765432,2026-10-02T09:15:00Z,245,5,42,EUR,"Asked about the invoice, resolved"`,
      `${email.toUpperCase()},,,outbound,missed,+4930765432,+4930123456,2026-10-02T10:00:00+01:00,0,,0,eur,`,
    ].join("\r\n");
    expect(await importCalls(admin, `\uFEFF${csv}\r\n`, info)).toEqual({ status: "imported", count: 2 });
    expect(await callsOf(customer.accountId!)).toEqual([
      { platformCallId: null, agentId: null, durationSeconds: 0, summary: null, currency: "eur" },
      { platformCallId: `imp-${customer.id}-1`, agentId: agent.id, durationSeconds: 245, summary: "Asked about the invoice, resolved", currency: "eur" },
    ]);
    const stats = await db().select({ calls: callHourlyStats.calls, billedMinutes: callHourlyStats.billedMinutes }).from(callHourlyStats).where(eq(callHourlyStats.accountId, customer.accountId!));
    expect(stats.reduce((sum, row) => sum + row.calls, 0)).toBe(2);
    expect(stats.reduce((sum, row) => sum + row.billedMinutes, 0)).toBe(5);
    const [audit] = await db().select({ metadata: auditLog.metadata }).from(auditLog).where(and(eq(auditLog.action, "admin.calls_imported"), eq(auditLog.actorId, admin.id)));
    expect(audit!.metadata).toEqual({ count: 2, accounts: 1 });
  });

  it("writes nothing when one row is bad, and reports every bad row with its field and reason", async () => {
    const admin = await signedInUser("admin", "import-bad");
    const customer = await signedInUser("customer", "import-bad-owner");
    await testCalls(customer.accountId!, [{ platformCallId: `stored-${customer.id}` }]);
    const good = (id: string) => `${customer.accountId},${id},,inbound,completed,+4930123456,+4930765432,2026-10-02T09:15:00Z,60,,10,eur,`;
    const csv = [
      header,
      good(`a-${customer.id}`),
      `${customer.accountId},b-${customer.id},,sideways,completed,12345,+4930765432,2026-10-02T09:15:00Z,sixty,9,10,eur,`,
      good(`a-${customer.id}`),
      good(`stored-${customer.id}`),
      `nobody@example.invalid,,,inbound,completed,+4930123456,+4930765432,2026-10-02T09:15:00Z,60,,10,eur,`,
      `${crypto.randomUUID()},,${crypto.randomUUID()},inbound,completed,+4930123456,+4930765432,2099-01-01T00:00:00Z,60,,10,eur,`,
    ].join("\n");
    const result = await importCalls(admin, csv, info);
    expect(result).toEqual({
      status: "bad_rows",
      problems: [
        { row: 3, field: "direction", reason: "directionInvalid" },
        { row: 3, field: "from_number", reason: "phoneInvalid" },
        { row: 3, field: "duration_seconds", reason: "durationInvalid" },
        { row: 3, field: "satisfaction", reason: "satisfactionInvalid" },
        { row: 4, field: "platform_call_id", reason: "duplicateInFile" },
        { row: 5, field: "platform_call_id", reason: "duplicateStored" },
        { row: 6, field: "account", reason: "accountNotFound" },
        { row: 7, field: "started_at", reason: "dateFuture" },
      ],
    });
    expect((await callsOf(customer.accountId!)).map((call) => call.platformCallId)).toEqual([`stored-${customer.id}`]);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.action, "admin.calls_imported"), eq(auditLog.actorId, admin.id)))).toEqual([]);
  });

  it("refuses a file it cannot check row by row: unknown or missing columns, no rows, broken quoting", async () => {
    const admin = await signedInUser("admin", "import-file");
    expect(await importCalls(admin, `${header},colour\n`, info)).toMatchObject({ status: "bad_file", problem: "unknownColumns", params: { columns: "colour" } });
    expect(await importCalls(admin, "account,direction\nx,inbound\n", info)).toMatchObject({ status: "bad_file", problem: "missingColumns" });
    expect(await importCalls(admin, `${header}\n`, info)).toEqual({ status: "bad_file", problem: "empty" });
    expect(await importCalls(admin, `${header}\n"unclosed,quote\n`, info)).toMatchObject({ status: "bad_file", problem: "unreadable" });
  });

  it("is staff's only", async () => {
    const customer = await signedInUser("customer", "import-customer");
    await expect(importCalls(customer, `${header}\n`, info)).rejects.toThrow(AppError);
  });

  it("warns the account's members when the imported calls pass 80 % of the plan's minutes, and tells no staff of low scores", async () => {
    const admin = await signedInUser("admin", "import-usage");
    const customer = await signedInUser("customer", "import-usage-owner");
    const plan = await testPlan({ name: "Import usage plan", includedMinutes: 1000 });
    await testSubscription({ accountId: customer.accountId!, planId: plan.id });
    const startedAt = new Date(Date.now() - 3_600_000).toISOString();
    // 850 minutes of this period's calls: over 80 %, under 100 %; the second call is rated 1.
    const csv = [header, `${customer.accountId},,,inbound,completed,+4930123456,+4930765432,${startedAt},50940,,0,eur,`, `${customer.accountId},,,inbound,completed,+4930123456,+4930765432,${startedAt},60,1,0,eur,Angry`].join("\n");
    expect(await importCalls(admin, csv, info)).toEqual({ status: "imported", count: 2 });
    const told = await db().select({ type: notifications.type }).from(notifications).where(eq(notifications.userId, customer.id));
    expect(told.map((row) => row.type).filter((type) => type.startsWith("usage."))).toHaveLength(1);
    const staffTold = await db().select({ type: notifications.type }).from(notifications).where(and(eq(notifications.userId, admin.id), eq(notifications.type, "staff.lowSatisfactionCall")));
    expect(staffTold).toEqual([]);
  });
});
