import { eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { customerAccountMembers, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { createAuthSession, getActiveSessionUser, type SessionUser } from "@/db/queries/sessions";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import messages from "@/lib/i18n/messages/en.json";
import { getSessionUser } from "@/lib/session";
import {
  createWebhookEndpointAction,
  deleteWebhookEndpointAction,
  replayWebhookDeliveryAction,
  rotateWebhookSecretAction,
  setWebhookEndpointEnabledAction,
  updateWebhookEndpointAction,
} from "./actions";

vi.mock("@/lib/session", () => ({ getSessionUser: vi.fn(), STAFF_TWO_FACTOR_PATH: "/admin/two-factor" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => ({
  redirect: (path: string) => {
    throw new Error(`redirect:${path}`);
  },
}));
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages, namespace: namespace as never }),
}));

const db = setupTestDatabase();
const t = messages.webhooks;
// A public address written as an IP, so the guard needs no DNS (the tests run offline).
const publicUrl = "https://93.184.216.34/hooks/clientdesk";

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(key, item);
  return data;
}

function as(user: SessionUser) {
  vi.mocked(getSessionUser).mockResolvedValue(user);
}

async function endpointsOf(accountId: string) {
  return db().select().from(webhookEndpoints).where(eq(webhookEndpoints.accountId, accountId));
}

/** Creates an endpoint through the action as `user`; returns its id and the secret shown once. */
async function createEndpoint(user: SessionUser, events: string[] = ["invoice.paid"]) {
  as(user);
  const state = await createWebhookEndpointAction({ ok: false }, form({ url: publicUrl, description: "CRM sync", events }));
  expect(state, JSON.stringify(state)).toMatchObject({ ok: true, message: t.created });
  const [row] = (await endpointsOf(user.accountId!)).slice(-1);
  return { id: row!.id, secret: state.secrets![0]! };
}

let owner: SessionUser;
let other: SessionUser;
beforeEach(async () => {
  owner ??= await signedInUser("customer", "webhook-owner");
  other ??= await signedInUser("customer", "webhook-other");
});

describe("adding an endpoint", () => {
  it("shows the signing secret once and stores the endpoint with its events", async () => {
    const { id, secret } = await createEndpoint(owner, ["invoice.paid", "project.status_changed"]);
    expect(secret).toMatch(/^whsec_/);
    const [row] = await db().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
    expect(row).toMatchObject({ url: publicUrl, description: "CRM sync", events: ["invoice.paid", "project.status_changed"], enabled: true });
    expect(row!.secretSealed).not.toContain(secret.slice(6));
  });

  it("refuses bad input with a message next to each field, keeps what was typed and ticked, and writes nothing", async () => {
    const other2 = await signedInUser("customer", "webhook-bad-input");
    as(other2);
    const empty = await createWebhookEndpointAction({ ok: false }, form({ url: "", description: "x" }));
    expect(empty).toMatchObject({ ok: false, fieldErrors: { url: messages.validation.webhooks.urlRequired, events: messages.validation.webhooks.eventsRequired } });

    const wrong = await createWebhookEndpointAction({ ok: false }, form({ url: "ftp://example.com/x", description: "d".repeat(201), events: ["invoice.paid", "call.completed"] }));
    expect(wrong).toMatchObject({
      ok: false,
      fieldErrors: { url: messages.validation.webhooks.urlScheme, description: messages.validation.webhooks.descriptionTooLong },
      values: { url: "ftp://example.com/x", events: "invoice.paid,call.completed" },
    });
    const unknownEvent = await createWebhookEndpointAction({ ok: false }, form({ url: publicUrl, events: "invoice.deleted" }));
    expect(unknownEvent).toMatchObject({ ok: false, fieldErrors: { events: messages.validation.webhooks.eventInvalid } });
    expect(await endpointsOf(other2.accountId!)).toHaveLength(0);
  });

  it("refuses private, loopback and metadata addresses in words next to the URL field", async () => {
    const user = await signedInUser("customer", "webhook-ssrf");
    as(user);
    for (const url of ["https://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data", "https://localhost/hook", "https://[fd00::1]/hook"]) {
      const state = await createWebhookEndpointAction({ ok: false }, form({ url, events: "invoice.paid" }));
      expect(state, url).toMatchObject({ ok: false, fieldErrors: { url: t.urlRefused.private_address }, values: { url, events: "invoice.paid" } });
    }
    const withPassword = await createWebhookEndpointAction({ ok: false }, form({ url: "https://user:pw@93.184.216.34/hook", events: "invoice.paid" }));
    expect(withPassword).toMatchObject({ ok: false, fieldErrors: { url: t.urlRefused.credentials } });
    expect(await endpointsOf(user.accountId!)).toHaveLength(0);
  });
});

describe("managing an endpoint", () => {
  it("the owner edits, turns off and on, rotates and deletes their endpoint", async () => {
    const { id, secret } = await createEndpoint(owner);
    as(owner);
    const saved = await updateWebhookEndpointAction({ ok: false }, form({ endpointId: id, url: publicUrl, description: "Billing sync", events: ["invoice.paid", "invoice.issued"] }));
    expect(saved).toMatchObject({ ok: true, message: t.saved, values: { events: "invoice.paid,invoice.issued" } });
    expect((await db().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)))[0]).toMatchObject({ description: "Billing sync", events: ["invoice.paid", "invoice.issued"] });

    expect(await setWebhookEndpointEnabledAction({ ok: false }, form({ endpointId: id, enabled: "false" }))).toMatchObject({ ok: true, message: t.disabledNow });
    expect((await db().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)))[0]).toMatchObject({ enabled: false, disabledReason: "manual" });
    expect(await setWebhookEndpointEnabledAction({ ok: false }, form({ endpointId: id, enabled: "true" }))).toMatchObject({ ok: true, message: t.enabledNow });
    expect((await db().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)))[0]).toMatchObject({ enabled: true, disabledReason: null });

    const rotated = await rotateWebhookSecretAction({ ok: false }, form({ endpointId: id }));
    expect(rotated).toMatchObject({ ok: true, message: t.rotated });
    expect(rotated.secrets![0]).toMatch(/^whsec_/);
    expect(rotated.secrets![0]).not.toBe(secret);

    await expect(deleteWebhookEndpointAction({ ok: false }, form({ endpointId: id }))).rejects.toThrow("redirect:/dashboard/settings/webhooks?deleted=1");
    expect(await db().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id))).toHaveLength(0);
  });

  it("an edit to a private address is refused next to the URL field and changes nothing", async () => {
    const { id } = await createEndpoint(owner);
    as(owner);
    const state = await updateWebhookEndpointAction({ ok: false }, form({ endpointId: id, url: "http://192.168.1.10/hook", events: "invoice.paid" }));
    expect(state).toMatchObject({ ok: false, fieldErrors: { url: t.urlRefused.private_address }, values: { url: "http://192.168.1.10/hook" } });
    expect((await db().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)))[0]!.url).toBe(publicUrl);
  });

  it("another account's endpoint and delivery are not found and stay as they were", async () => {
    const { id } = await createEndpoint(owner);
    const [delivery] = await db()
      .insert(webhookDeliveries)
      .values({ endpointId: id, accountId: owner.accountId!, eventId: "msg_test", eventType: "invoice.paid", payload: { type: "invoice.paid" } })
      .returning({ id: webhookDeliveries.id });
    as(other);
    const notFound = { ok: false, message: t.notFound };
    expect(await updateWebhookEndpointAction({ ok: false }, form({ endpointId: id, url: publicUrl, description: "taken", events: "call.completed" }))).toMatchObject(notFound);
    expect(await setWebhookEndpointEnabledAction({ ok: false }, form({ endpointId: id, enabled: "false" }))).toMatchObject(notFound);
    expect(await rotateWebhookSecretAction({ ok: false }, form({ endpointId: id }))).toMatchObject(notFound);
    expect(await deleteWebhookEndpointAction({ ok: false }, form({ endpointId: id }))).toMatchObject(notFound);
    expect(await replayWebhookDeliveryAction({ ok: false }, form({ deliveryId: delivery!.id }))).toMatchObject(notFound);
    // A malformed id is the same answer as an unknown one.
    expect(await rotateWebhookSecretAction({ ok: false }, form({ endpointId: "not-a-uuid" }))).toMatchObject(notFound);

    const [row] = await db().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
    expect(row).toMatchObject({ description: "CRM sync", events: ["invoice.paid"], enabled: true, previousSecretSealed: null });
    expect(await db().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, id))).toHaveLength(1);
  });

  it("the owner replays a delivery: a new delivery of the same event", async () => {
    const { id } = await createEndpoint(owner);
    const [delivery] = await db()
      .insert(webhookDeliveries)
      .values({ endpointId: id, accountId: owner.accountId!, eventId: "msg_replay", eventType: "invoice.paid", payload: { type: "invoice.paid" }, status: "succeeded", attempts: 1 })
      .returning({ id: webhookDeliveries.id });
    as(owner);
    expect(await replayWebhookDeliveryAction({ ok: false }, form({ deliveryId: delivery!.id }))).toMatchObject({ ok: true, message: t.replayed });
    const rows = await db().select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, "msg_replay"));
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.id !== delivery!.id)).toMatchObject({ replayOfId: delivery!.id, payload: { type: "invoice.paid" } });
  });
});

describe("a member who is not the owner", () => {
  it("cannot add, change or replay the account's webhooks", async () => {
    const { id } = await createEndpoint(owner);
    const joined = await signedInUser("customer", "webhook-member");
    await db().delete(customerAccountMembers).where(eq(customerAccountMembers.userId, joined.id));
    await db().insert(customerAccountMembers).values({ accountId: owner.accountId!, userId: joined.id, role: "member" });
    const member = (await getActiveSessionUser((await createAuthSession({ userId: joined.id, ip: null, userAgent: null }))!))!;
    expect(member).toMatchObject({ accountId: owner.accountId, accountRole: "member" });
    as(member);
    const before = await endpointsOf(owner.accountId!);
    const notFound = { ok: false, message: t.notFound };
    expect(await createWebhookEndpointAction({ ok: false }, form({ url: publicUrl, events: "invoice.paid" }))).toMatchObject(notFound);
    expect(await updateWebhookEndpointAction({ ok: false }, form({ endpointId: id, url: publicUrl, events: "call.completed" }))).toMatchObject(notFound);
    expect(await setWebhookEndpointEnabledAction({ ok: false }, form({ endpointId: id, enabled: "false" }))).toMatchObject(notFound);
    expect(await rotateWebhookSecretAction({ ok: false }, form({ endpointId: id }))).toMatchObject(notFound);
    expect(await deleteWebhookEndpointAction({ ok: false }, form({ endpointId: id }))).toMatchObject(notFound);
    expect(await endpointsOf(owner.accountId!)).toEqual(before);
  });
});
