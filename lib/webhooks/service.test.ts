import dns from "node:dns";
import { and, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeOwnedAccount } from "@/db/queries/account-deletion";
import { deleteExpiredRecords } from "@/db/queries/cleanup";
import { inTransaction } from "@/db/queries/transaction";
import { auditLog, customerAccountMembers, customerAccounts, notifications, rateLimits, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { setupTestDatabase, signedInUser, uniqueIp } from "@/db/testing";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { deliverWebhook } from "./deliver";
import { emitWebhookEvent } from "./emit";
import { WEBHOOK_MAX_ATTEMPTS, WEBHOOK_RETRY_SCHEDULE_SECONDS } from "./schedule";
import {
  canManageWebhooks,
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookDelivery,
  getWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  replayWebhookDelivery,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhookEndpoint,
} from "./service";
import { startWebhookReceiver } from "./testing";

const db = setupTestDatabase();
const info = () => ({ ip: uniqueIp(), userAgent: "vitest" });
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
});
beforeEach(async () => {
  vi.stubEnv("WEBHOOK_ALLOW_PRIVATE_TARGETS", "true");
  // Each test starts with an empty queue and receiver: what an earlier test left is sent now.
  await runQueuedJobs({ only: ["webhook.deliver"] });
  receiver.received.length = 0;
  receiver.answerWith(200);
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

async function ownerWithEndpoint(events: Parameters<typeof createWebhookEndpoint>[1]["events"] = ["invoice.paid"]) {
  const owner = await signedInUser("customer", "owner");
  const created = await createWebhookEndpoint(owner, { url: receiver.url, description: "CRM sync", events }, info());
  if (created.status !== "ok") throw new Error(`endpoint not created: ${created.status}`);
  return { owner, endpoint: created.endpoint, secret: created.secret };
}

async function emitTest(accountId: string, data: Record<string, unknown> = { id: "inv_1" }) {
  await inTransaction((tx) => emitWebhookEvent({ accountId, type: "invoice.paid", data }, tx));
}

async function onlyDelivery(owner: Awaited<ReturnType<typeof signedInUser>>, endpointId: string) {
  const { rows } = await listWebhookDeliveries(owner, endpointId, { limit: 10 });
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe("webhook endpoints", () => {
  it("are created with a secret shown once (whsec_…), listed without it, and audited", async () => {
    const { owner, endpoint, secret } = await ownerWithEndpoint(["invoice.paid", "call.completed"]);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const listed = await listWebhookEndpoints(owner);
    expect(listed).toEqual([expect.objectContaining({ id: endpoint.id, url: receiver.url, description: "CRM sync", events: ["invoice.paid", "call.completed"], enabled: true, disabledReason: null, secretPrefix: secret.slice(0, 10) })]);
    expect(JSON.stringify(listed)).not.toContain(secret.slice(10));
    const [row] = await db().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row!.secretSealed).not.toContain(secret.slice(6));
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.actorId, owner.id), eq(auditLog.action, "user.webhook_endpoint_created")));
    expect(audit).toHaveLength(1);
  });

  it("refuse internal addresses when saved", async () => {
    const owner = await signedInUser("customer");
    vi.stubEnv("WEBHOOK_ALLOW_PRIVATE_TARGETS", "");
    for (const url of ["http://10.0.0.1/h", "http://127.0.0.1/h", "http://169.254.169.254/h", "http://[::1]/h", "http://localhost/h", "http://0x7f000001/h"]) {
      expect(await createWebhookEndpoint(owner, { url, description: "", events: ["invoice.paid"] }, info()), url).toEqual({ status: "invalid_url", reason: "private_address" });
    }
    expect(await listWebhookEndpoints(owner)).toEqual([]);
    const { endpoint, owner: other } = await (async () => {
      vi.stubEnv("WEBHOOK_ALLOW_PRIVATE_TARGETS", "true");
      return ownerWithEndpoint();
    })();
    vi.stubEnv("WEBHOOK_ALLOW_PRIVATE_TARGETS", "");
    expect(await updateWebhookEndpoint(other, endpoint.id, { url: "http://192.168.1.1/h" }, info())).toEqual({ status: "invalid_url", reason: "private_address" });
  });

  it("are managed by the account's owner only: a member and staff are refused, and a closed account takes nothing", async () => {
    const { owner } = await ownerWithEndpoint();
    const member = await signedInUser("customer", "member");
    await db().delete(customerAccountMembers).where(eq(customerAccountMembers.userId, member.id));
    await db().insert(customerAccountMembers).values({ accountId: owner.accountId!, userId: member.id, role: "member" });
    const asMember = { ...member, accountId: owner.accountId };
    expect(await canManageWebhooks(asMember)).toBe(false);
    await expect(listWebhookEndpoints(asMember)).rejects.toMatchObject({ code: "forbidden" });
    await expect(createWebhookEndpoint(asMember, { url: receiver.url, description: "", events: ["invoice.paid"] }, info())).rejects.toMatchObject({ code: "forbidden" });
    const staff = await signedInUser("admin");
    await expect(listWebhookEndpoints(staff)).rejects.toMatchObject({ code: "forbidden" });
    expect(await canManageWebhooks(owner)).toBe(true);
    await db().update(customerAccounts).set({ closedAt: new Date() }).where(eq(customerAccounts.id, owner.accountId!));
    await expect(createWebhookEndpoint(owner, { url: receiver.url, description: "", events: ["invoice.paid"] }, info())).rejects.toMatchObject({ code: "forbidden" });
  });

  it("are limited per account", async () => {
    const { owner } = await ownerWithEndpoint();
    for (let i = 1; i < 10; i++) expect((await createWebhookEndpoint(owner, { url: receiver.url, description: `${i}`, events: ["invoice.paid"] }, info())).status).toBe("ok");
    expect(await createWebhookEndpoint(owner, { url: receiver.url, description: "one too many", events: ["invoice.paid"] }, info())).toEqual({ status: "too_many" });
  });

  it("of another account are not found, nor their deliveries", async () => {
    const { owner, endpoint } = await ownerWithEndpoint();
    await emitTest(owner.accountId!);
    const delivery = await onlyDelivery(owner, endpoint.id);
    const stranger = await signedInUser("customer", "stranger");
    expect(await getWebhookEndpoint(stranger, endpoint.id)).toBeNull();
    expect(await updateWebhookEndpoint(stranger, endpoint.id, { enabled: false }, info())).toEqual({ status: "not_found" });
    expect(await deleteWebhookEndpoint(stranger, endpoint.id, info())).toEqual({ status: "not_found" });
    expect(await rotateWebhookSecret(stranger, endpoint.id, info())).toEqual({ status: "not_found" });
    expect(await listWebhookDeliveries(stranger, endpoint.id, { limit: 10 })).toEqual({ rows: [], nextCursor: null });
    expect(await getWebhookDelivery(stranger, delivery.id)).toBeNull();
    expect(await replayWebhookDelivery(stranger, delivery.id, info())).toEqual({ status: "not_found" });
    expect((await getWebhookEndpoint(owner, endpoint.id))?.enabled).toBe(true);
  });

  it("turned off get no deliveries; turned on again they do, and a failing one's reason is cleared", async () => {
    const { owner, endpoint } = await ownerWithEndpoint();
    expect(await updateWebhookEndpoint(owner, endpoint.id, { enabled: false }, info())).toMatchObject({ status: "ok", endpoint: { enabled: false, disabledReason: "manual" } });
    await emitTest(owner.accountId!);
    expect((await listWebhookDeliveries(owner, endpoint.id, { limit: 10 })).rows).toEqual([]);
    await db().update(webhookEndpoints).set({ disabledReason: "failing" }).where(eq(webhookEndpoints.id, endpoint.id));
    expect(await updateWebhookEndpoint(owner, endpoint.id, { enabled: true }, info())).toMatchObject({ status: "ok", endpoint: { enabled: true, disabledReason: null, disabledAt: null } });
    await emitTest(owner.accountId!);
    expect((await listWebhookDeliveries(owner, endpoint.id, { limit: 10 })).rows).toHaveLength(1);
  });

  it("deleted take their delivery log with them", async () => {
    const { owner, endpoint } = await ownerWithEndpoint();
    await emitTest(owner.accountId!);
    expect(await deleteWebhookEndpoint(owner, endpoint.id, info())).toEqual({ status: "ok" });
    expect(await listWebhookEndpoints(owner)).toEqual([]);
    expect(await db().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id))).toEqual([]);
  });
});

describe("webhook deliveries", () => {
  it("are signed per Standard Webhooks: the library's verify accepts them with the endpoint's secret", async () => {
    const { owner, endpoint, secret } = await ownerWithEndpoint();
    await emitTest(owner.accountId!, { id: "inv_42", total: { amount: 1999, currency: "eur" } });
    expect(await runQueuedJobs({ only: ["webhook.deliver"] })).toEqual([{ name: "webhook.deliver", state: "completed" }]);
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers["user-agent"]).toBe("Clientdesk-Webhooks/1");
    expect(request!.headers["webhook-id"]).toMatch(/^msg_/);
    expect(request!.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
    const payload = new Webhook(secret).verify(request!.body, request!.headers) as Record<string, unknown>;
    expect(payload).toEqual({ type: "invoice.paid", timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), data: { id: "inv_42", total: { amount: 1999, currency: "eur" } } });
    expect(() => new Webhook(`whsec_${Buffer.from("another secret, 24 bytes").toString("base64")}`).verify(request!.body, request!.headers)).toThrow();

    const delivery = await onlyDelivery(owner, endpoint.id);
    expect(delivery).toMatchObject({ status: "succeeded", attempts: 1, responseStatus: 200, nextAttemptAt: null, replayOfId: null });
    const detail = await getWebhookDelivery(owner, delivery.id);
    expect(detail).toMatchObject({ payload: { type: "invoice.paid" }, attempts: [{ responseStatus: 200, responseBody: "answer 200", error: null, requestHeaders: { "webhook-id": request!.headers["webhook-id"] } }] });
    expect((await getWebhookEndpoint(owner, endpoint.id))?.lastDelivery).toMatchObject({ status: "succeeded", responseStatus: 200 });
  });

  it("are retried after a 500 on the schedule, and stop at the first 2xx", async () => {
    const { owner, endpoint } = await ownerWithEndpoint();
    receiver.answerWith(500, 503, 200);
    await emitTest(owner.accountId!);
    const { id } = await onlyDelivery(owner, endpoint.id);
    expect(await deliverWebhook({ deliveryId: id, attempt: 0 })).toEqual({ status: "retry" });
    let delivery = (await getWebhookDelivery(owner, id))!;
    expect(delivery).toMatchObject({ status: "pending", responseStatus: 500 });
    expect(delivery.nextAttemptAt!.getTime() - delivery.lastAttemptAt!.getTime()).toBe(WEBHOOK_RETRY_SCHEDULE_SECONDS[0] * 1000);
    // The first job finds its try already recorded and does nothing; the scheduled ones send.
    await runQueuedJobs({ only: ["webhook.deliver"] });
    delivery = (await getWebhookDelivery(owner, id))!;
    expect(delivery).toMatchObject({ status: "succeeded", responseStatus: 200, nextAttemptAt: null });
    expect(delivery.attempts.map((attempt) => attempt.responseStatus)).toEqual([500, 503, 200]);
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((request) => request.headers["webhook-id"])).size).toBe(1);
  });

  it("that fail for the whole schedule fail, turn the endpoint off and tell the owner", async () => {
    const { owner, endpoint } = await ownerWithEndpoint();
    receiver.answerWith(500);
    await emitTest(owner.accountId!);
    const { id } = await onlyDelivery(owner, endpoint.id);
    for (let attempt = 0; attempt < WEBHOOK_MAX_ATTEMPTS; attempt++) {
      const outcome = await deliverWebhook({ deliveryId: id, attempt });
      const delivery = (await getWebhookDelivery(owner, id))!;
      if (attempt < WEBHOOK_MAX_ATTEMPTS - 1) {
        expect(outcome).toEqual({ status: "retry" });
        expect(delivery.nextAttemptAt!.getTime() - delivery.lastAttemptAt!.getTime()).toBe(WEBHOOK_RETRY_SCHEDULE_SECONDS[attempt]! * 1000);
      } else {
        expect(outcome).toEqual({ status: "failed" });
        expect(delivery).toMatchObject({ status: "failed", nextAttemptAt: null });
        expect(delivery.attempts).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
      }
    }
    expect(WEBHOOK_RETRY_SCHEDULE_SECONDS.reduce((sum, seconds) => sum + seconds, 0) / 3600).toBeGreaterThan(20);
    expect(await getWebhookEndpoint(owner, endpoint.id)).toMatchObject({ enabled: false, disabledReason: "failing", disabledAt: expect.any(Date) });
    const told = await db().select().from(notifications).where(and(eq(notifications.userId, owner.id), eq(notifications.type, "webhooks.endpointDisabled")));
    expect(told).toEqual([expect.objectContaining({ params: { url: receiver.url }, link: "/dashboard/settings/webhooks" })]);
    // The jobs left in the queue find their tries recorded: nothing more is sent.
    const sent = receiver.received.length;
    await runQueuedJobs({ only: ["webhook.deliver"] });
    expect(receiver.received).toHaveLength(sent);
  });

  it("are replayed with the same payload and event id, as a new delivery", async () => {
    const { owner, endpoint, secret } = await ownerWithEndpoint();
    await emitTest(owner.accountId!);
    await runQueuedJobs({ only: ["webhook.deliver"] });
    const original = await onlyDelivery(owner, endpoint.id);
    const replay = await replayWebhookDelivery(owner, original.id, info());
    expect(replay).toEqual({ status: "ok", deliveryId: expect.any(String) });
    await runQueuedJobs({ only: ["webhook.deliver"] });
    expect(receiver.received).toHaveLength(2);
    const [first, second] = receiver.received;
    expect(second!.body).toBe(first!.body);
    expect(second!.headers["webhook-id"]).toBe(first!.headers["webhook-id"]);
    expect(new Webhook(secret).verify(second!.body, second!.headers)).toBeTruthy();
    const { rows } = await listWebhookDeliveries(owner, endpoint.id, { limit: 10 });
    expect(rows.map((row) => [row.replayOfId, row.status])).toEqual([
      [original.id, "succeeded"],
      [null, "succeeded"],
    ]);
    await updateWebhookEndpoint(owner, endpoint.id, { enabled: false }, info());
    expect(await replayWebhookDelivery(owner, original.id, info())).toEqual({ status: "endpoint_disabled" });
  });

  it("are signed with both secrets during a rotation's overlap, and with the new one only after it", async () => {
    const { owner, endpoint, secret: old } = await ownerWithEndpoint();
    const rotated = await rotateWebhookSecret(owner, endpoint.id, info());
    if (rotated.status !== "ok") throw new Error("not rotated");
    expect(rotated.secret).not.toBe(old);
    expect(rotated.previousExpiresAt.getTime() - Date.now()).toBeGreaterThan(23 * 3600_000);
    await emitTest(owner.accountId!);
    await runQueuedJobs({ only: ["webhook.deliver"] });
    const during = receiver.received.at(-1)!;
    expect(during.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(new Webhook(rotated.secret).verify(during.body, during.headers)).toBeTruthy();
    expect(new Webhook(old).verify(during.body, during.headers)).toBeTruthy();

    await db().update(webhookEndpoints).set({ previousSecretExpiresAt: new Date(Date.now() - 1000) }).where(eq(webhookEndpoints.id, endpoint.id));
    await emitTest(owner.accountId!);
    await runQueuedJobs({ only: ["webhook.deliver"] });
    const after = receiver.received.at(-1)!;
    expect(after.headers["webhook-signature"]!.split(" ")).toHaveLength(1);
    expect(new Webhook(rotated.secret).verify(after.body, after.headers)).toBeTruthy();
    expect(() => new Webhook(old).verify(after.body, after.headers)).toThrow();
  });

  it("to an address that became internal are refused at send time, nothing is sent", async () => {
    const { owner, endpoint } = await ownerWithEndpoint();
    await emitTest(owner.accountId!);
    vi.stubEnv("WEBHOOK_ALLOW_PRIVATE_TARGETS", "");
    const { id } = await onlyDelivery(owner, endpoint.id);
    expect(await deliverWebhook({ deliveryId: id, attempt: 0 })).toEqual({ status: "retry" });
    expect(receiver.received).toEqual([]);
    expect((await getWebhookDelivery(owner, id))!.attempts).toEqual([expect.objectContaining({ responseStatus: null, error: "refused: private_address" })]);
  });

  it("connect only to the addresses checked at connect time: a name re-pointed to loopback (DNS rebinding) is refused", async () => {
    const answers = [["93.184.215.14"], ["93.184.215.14"], ["127.0.0.1"]];
    const lookup = vi.spyOn(dns.promises, "lookup").mockImplementation((async () =>
      (answers.shift() ?? ["127.0.0.1"]).map((address) => ({ address, family: 4 }))) as unknown as typeof dns.promises.lookup);
    vi.stubEnv("WEBHOOK_ALLOW_PRIVATE_TARGETS", "");
    const owner = await signedInUser("customer", "rebind");
    const created = await createWebhookEndpoint(owner, { url: `http://hooks.example.test:${receiver.port}/hooks`, description: "", events: ["invoice.paid"] }, info());
    if (created.status !== "ok") throw new Error(created.status);
    await emitTest(owner.accountId!);
    const { id } = await onlyDelivery(owner, created.endpoint.id);
    expect(await deliverWebhook({ deliveryId: id, attempt: 0 })).toEqual({ status: "retry" });
    expect(lookup).toHaveBeenCalledTimes(3);
    expect(receiver.received).toEqual([]);
    expect((await getWebhookDelivery(owner, id))!.attempts).toEqual([expect.objectContaining({ responseStatus: null, error: expect.stringContaining("private_address") })]);
  });

  it("reach a name that resolves to loopback when the development setting allows it", async () => {
    vi.spyOn(dns.promises, "lookup").mockImplementation((async () => [{ address: "127.0.0.1", family: 4 }]) as unknown as typeof dns.promises.lookup);
    const owner = await signedInUser("customer", "named");
    const created = await createWebhookEndpoint(owner, { url: `http://receiver.example.test:${receiver.port}/named`, description: "", events: ["invoice.paid"] }, info());
    if (created.status !== "ok") throw new Error(created.status);
    await emitTest(owner.accountId!);
    await runQueuedJobs({ only: ["webhook.deliver"] });
    expect(receiver.received.map((request) => request.path)).toEqual(["/named"]);
  });

  it("do not follow redirects: a 3xx is a failed try", async () => {
    const { owner, endpoint } = await ownerWithEndpoint();
    receiver.answerWith(302);
    await emitTest(owner.accountId!);
    const { id } = await onlyDelivery(owner, endpoint.id);
    expect(await deliverWebhook({ deliveryId: id, attempt: 0 })).toEqual({ status: "retry" });
    expect(receiver.received).toHaveLength(1);
    expect(await getWebhookDelivery(owner, id)).toMatchObject({ status: "pending", responseStatus: 302 });
  });

  it("include a test ping the owner sends, signed like any other", async () => {
    const { owner, endpoint, secret } = await ownerWithEndpoint();
    const sent = await sendTestWebhook(owner, endpoint.id, info());
    expect(sent).toEqual({ status: "ok", deliveryId: expect.any(String) });
    await runQueuedJobs({ only: ["webhook.deliver"] });
    expect(new Webhook(secret).verify(receiver.received[0]!.body, receiver.received[0]!.headers)).toMatchObject({ type: "ping", data: { endpointId: endpoint.id } });
    expect((await onlyDelivery(owner, endpoint.id)).eventType).toBe("ping");
    const stranger = await signedInUser("customer", "stranger");
    expect(await sendTestWebhook(stranger, endpoint.id, info())).toEqual({ status: "not_found" });
    await updateWebhookEndpoint(owner, endpoint.id, { enabled: false }, info());
    expect(await sendTestWebhook(owner, endpoint.id, info())).toEqual({ status: "endpoint_disabled" });
  });

  it("limit the events an owner sends by hand (replays and pings) per account and hour", async () => {
    const { owner, endpoint } = await ownerWithEndpoint();
    expect((await sendTestWebhook(owner, endpoint.id, info())).status).toBe("ok");
    await db().update(rateLimits).set({ count: 60 }).where(eq(rateLimits.key, `webhook-manual-sends:${owner.accountId}`));
    const refused = await sendTestWebhook(owner, endpoint.id, info());
    expect(refused).toEqual({ status: "rate_limited", retryAfterSeconds: expect.any(Number) });
    const { id } = await onlyDelivery(owner, endpoint.id);
    expect((await replayWebhookDelivery(owner, id, info())).status).toBe("rate_limited");
    expect(await db().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id))).toHaveLength(1);
  });

  it("list a page at a time, newest first", async () => {
    const { owner, endpoint } = await ownerWithEndpoint();
    for (let i = 0; i < 5; i++) await emitTest(owner.accountId!, { n: i });
    const first = await listWebhookDeliveries(owner, endpoint.id, { limit: 2 });
    const second = await listWebhookDeliveries(owner, endpoint.id, { limit: 2, cursor: first.nextCursor });
    const third = await listWebhookDeliveries(owner, endpoint.id, { limit: 2, cursor: second.nextCursor });
    expect(third.nextCursor).toBeNull();
    const ids = [...first.rows, ...second.rows, ...third.rows].map((row) => row.id);
    expect(new Set(ids).size).toBe(5);
    const all = await listWebhookDeliveries(owner, endpoint.id, { limit: 10 });
    expect(all.rows.map((row) => row.id)).toEqual(ids);
  });

  it("are kept 30 days by the daily clean-up", async () => {
    const { owner, endpoint } = await ownerWithEndpoint();
    await emitTest(owner.accountId!, { n: "old" });
    await emitTest(owner.accountId!, { n: "new" });
    const [newest, oldest] = (await listWebhookDeliveries(owner, endpoint.id, { limit: 10 })).rows;
    await db().update(webhookDeliveries).set({ createdAt: new Date(Date.now() - 31 * 24 * 3600_000) }).where(eq(webhookDeliveries.id, oldest!.id));
    expect((await deleteExpiredRecords()).webhookDeliveries).toBeGreaterThanOrEqual(1);
    expect((await listWebhookDeliveries(owner, endpoint.id, { limit: 10 })).rows.map((row) => row.id)).toEqual([newest!.id]);
  });

  it("end with the account: closing it deletes its endpoints and their log", async () => {
    const { owner, endpoint } = await ownerWithEndpoint();
    await emitTest(owner.accountId!);
    await inTransaction((tx) => closeOwnedAccount(owner.accountId!, tx));
    expect(await db().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id))).toEqual([]);
    expect(await db().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id))).toEqual([]);
  });
});
