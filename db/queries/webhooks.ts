import "server-only";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { customerAccountMembers, customerAccounts, webhookDeliveries, webhookDeliveryAttempts, webhookEndpoints } from "@/db/schema";
import type { WebhookDeliveryEventType, WebhookDeliveryStatus, WebhookEventType } from "@/lib/constants";
import { cursorTime, type Cursor } from "./search";

/** What the owner sees of an endpoint: never its secrets. */
const endpointColumns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  events: webhookEndpoints.events,
  enabled: webhookEndpoints.enabled,
  disabledReason: webhookEndpoints.disabledReason,
  disabledAt: webhookEndpoints.disabledAt,
  previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
  createdAt: webhookEndpoints.createdAt,
};

export type WebhookEndpointBase = {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  enabled: boolean;
  disabledReason: string | null;
  disabledAt: Date | null;
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
};

export type WebhookLastDelivery = { status: WebhookDeliveryStatus; responseStatus: number | null; at: Date };

/**
 * The open account whose webhooks this user manages: only an owner's, only while the account is open.
 * Null for members, staff and closed accounts.
 */
export async function getWebhookManagedAccountId(userId: string, accountId: string, db: Database = getDb()): Promise<string | null> {
  const [row] = await db
    .select({ accountId: customerAccounts.id })
    .from(customerAccountMembers)
    .innerJoin(customerAccounts, eq(customerAccounts.id, customerAccountMembers.accountId))
    .where(and(eq(customerAccountMembers.userId, userId), eq(customerAccountMembers.accountId, accountId), eq(customerAccountMembers.role, "owner"), isNull(customerAccounts.closedAt)));
  return row?.accountId ?? null;
}

export async function listWebhookEndpointRows(accountId: string, db: Database = getDb()): Promise<WebhookEndpointBase[]> {
  return db.select(endpointColumns).from(webhookEndpoints).where(eq(webhookEndpoints.accountId, accountId)).orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
}

export async function getWebhookEndpointRow(accountId: string, endpointId: string, db: Database = getDb()): Promise<WebhookEndpointBase | null> {
  const [row] = await db
    .select(endpointColumns)
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.accountId, accountId), eq(webhookEndpoints.id, endpointId)));
  return row ?? null;
}

/** Each endpoint's newest delivery (one index probe per endpoint). */
export async function listLastWebhookDeliveries(endpointIds: string[], db: Database = getDb()): Promise<Map<string, WebhookLastDelivery>> {
  if (endpointIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([webhookDeliveries.endpointId], {
      endpointId: webhookDeliveries.endpointId,
      status: webhookDeliveries.status,
      responseStatus: webhookDeliveries.responseStatus,
      createdAt: webhookDeliveries.createdAt,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
    })
    .from(webhookDeliveries)
    .where(inArray(webhookDeliveries.endpointId, endpointIds))
    .orderBy(webhookDeliveries.endpointId, desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id));
  return new Map(rows.map((row) => [row.endpointId, { status: row.status, responseStatus: row.responseStatus, at: row.lastAttemptAt ?? row.createdAt }]));
}

export async function countWebhookEndpoints(accountId: string, db: Database = getDb()): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(webhookEndpoints).where(eq(webhookEndpoints.accountId, accountId));
  return row?.count ?? 0;
}

export async function insertWebhookEndpoint(
  values: { id: string; accountId: string; createdById: string; url: string; description: string; events: WebhookEventType[]; secretSealed: string },
  db: Database = getDb(),
): Promise<WebhookEndpointBase> {
  const [row] = await db.insert(webhookEndpoints).values(values).returning(endpointColumns);
  return row!;
}

export async function updateWebhookEndpointRow(
  accountId: string,
  endpointId: string,
  values: Partial<{ url: string; description: string; events: WebhookEventType[]; enabled: boolean; disabledReason: string | null; disabledAt: Date | null }>,
  db: Database = getDb(),
): Promise<WebhookEndpointBase | null> {
  const [row] = await db
    .update(webhookEndpoints)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(webhookEndpoints.accountId, accountId), eq(webhookEndpoints.id, endpointId)))
    .returning(endpointColumns);
  return row ?? null;
}

export async function deleteWebhookEndpointRow(accountId: string, endpointId: string, db: Database = getDb()): Promise<WebhookEndpointBase | null> {
  const [row] = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.accountId, accountId), eq(webhookEndpoints.id, endpointId)))
    .returning(endpointColumns);
  return row ?? null;
}

/** The current sealed secret of each endpoint, for the prefix the owner sees. */
export async function listWebhookEndpointSealedSecrets(endpointIds: string[], db: Database = getDb()): Promise<Map<string, string>> {
  if (endpointIds.length === 0) return new Map();
  const rows = await db.select({ id: webhookEndpoints.id, secretSealed: webhookEndpoints.secretSealed }).from(webhookEndpoints).where(inArray(webhookEndpoints.id, endpointIds));
  return new Map(rows.map((row) => [row.id, row.secretSealed]));
}

/** The sealed secrets, for signing and for the owner's rotation. */
export async function getWebhookEndpointSecrets(endpointId: string, db: Database = getDb()) {
  const [row] = await db
    .select({
      accountId: webhookEndpoints.accountId,
      secretSealed: webhookEndpoints.secretSealed,
      previousSecretSealed: webhookEndpoints.previousSecretSealed,
      previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
    })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, endpointId));
  return row ?? null;
}

export async function setWebhookEndpointSecrets(
  accountId: string,
  endpointId: string,
  values: { secretSealed: string; previousSecretSealed: string | null; previousSecretExpiresAt: Date | null },
  db: Database = getDb(),
): Promise<boolean> {
  const rows = await db
    .update(webhookEndpoints)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(webhookEndpoints.accountId, accountId), eq(webhookEndpoints.id, endpointId)))
    .returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

/**
 * The enabled endpoints of these accounts subscribed to `type`: the one query an event costs
 * (webhook_endpoints_account_idx), answered from the index alone when an account has none.
 */
export async function listSubscribedWebhookEndpoints(accountIds: string[], type: WebhookEventType, db: Database = getDb()): Promise<Array<{ id: string; accountId: string }>> {
  if (accountIds.length === 0) return [];
  return db
    .select({ id: webhookEndpoints.id, accountId: webhookEndpoints.accountId })
    .from(webhookEndpoints)
    .where(
      and(
        accountIds.length === 1 ? eq(webhookEndpoints.accountId, accountIds[0]!) : inArray(webhookEndpoints.accountId, accountIds),
        eq(webhookEndpoints.enabled, true),
        sql`${type} = any(${webhookEndpoints.events})`,
      ),
    );
}

export type NewWebhookDelivery = {
  endpointId: string;
  accountId: string;
  eventId: string;
  eventType: WebhookDeliveryEventType;
  payload: Record<string, unknown>;
  replayOfId?: string | null;
};

export async function insertWebhookDeliveries(rows: NewWebhookDelivery[], db: Database = getDb()): Promise<Array<{ id: string }>> {
  if (rows.length === 0) return [];
  return db
    .insert(webhookDeliveries)
    .values(rows.map((row) => ({ ...row, nextAttemptAt: sql`now()` })))
    .returning({ id: webhookDeliveries.id });
}

const deliveryColumns = {
  id: webhookDeliveries.id,
  endpointId: webhookDeliveries.endpointId,
  eventId: webhookDeliveries.eventId,
  eventType: webhookDeliveries.eventType,
  status: webhookDeliveries.status,
  attempts: webhookDeliveries.attempts,
  responseStatus: webhookDeliveries.responseStatus,
  durationMs: webhookDeliveries.durationMs,
  createdAt: webhookDeliveries.createdAt,
  lastAttemptAt: webhookDeliveries.lastAttemptAt,
  nextAttemptAt: webhookDeliveries.nextAttemptAt,
  replayOfId: webhookDeliveries.replayOfId,
};

export type WebhookDeliveryRow = {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: WebhookDeliveryEventType;
  status: WebhookDeliveryStatus;
  attempts: number;
  responseStatus: number | null;
  durationMs: number | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  replayOfId: string | null;
};

/** An endpoint's deliveries, newest first, a page at a time (keyset over created_at, id). */
export async function listWebhookDeliveryRows(
  accountId: string,
  endpointId: string,
  page: { cursor: Cursor | null; limit: number },
  db: Database = getDb(),
): Promise<{ rows: WebhookDeliveryRow[]; next: Cursor | null }> {
  const found = await db
    .select({ ...deliveryColumns, cursorTime: cursorTime(webhookDeliveries.createdAt) })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.endpointId, endpointId),
        eq(webhookDeliveries.accountId, accountId),
        page.cursor ? sql`(${webhookDeliveries.createdAt}, ${webhookDeliveries.id}) < (${page.cursor.createdAt}::timestamptz, ${page.cursor.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(page.limit + 1);
  const rows = found.slice(0, page.limit);
  const last = found.length > page.limit ? rows.at(-1) : undefined;
  return { rows: rows.map(({ cursorTime: _, ...row }) => row), next: last ? { createdAt: last.cursorTime, id: last.id } : null };
}

export type WebhookDeliveryAttemptRow = {
  attemptedAt: Date;
  requestHeaders: Record<string, string>;
  responseStatus: number | null;
  responseBody: string | null;
  durationMs: number;
  error: string | null;
};

/** One delivery of the account with its payload and every attempt, oldest first. */
export async function getWebhookDeliveryRow(
  accountId: string,
  deliveryId: string,
  db: Database = getDb(),
): Promise<(WebhookDeliveryRow & { payload: Record<string, unknown>; attemptsLog: WebhookDeliveryAttemptRow[] }) | null> {
  const [delivery] = await db
    .select({ ...deliveryColumns, payload: webhookDeliveries.payload })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.accountId, accountId)));
  if (!delivery) return null;
  const attemptsLog = await db
    .select({
      attemptedAt: webhookDeliveryAttempts.attemptedAt,
      requestHeaders: webhookDeliveryAttempts.requestHeaders,
      responseStatus: webhookDeliveryAttempts.responseStatus,
      responseBody: webhookDeliveryAttempts.responseBody,
      durationMs: webhookDeliveryAttempts.durationMs,
      error: webhookDeliveryAttempts.error,
    })
    .from(webhookDeliveryAttempts)
    .where(eq(webhookDeliveryAttempts.deliveryId, deliveryId))
    .orderBy(asc(webhookDeliveryAttempts.attemptedAt), asc(webhookDeliveryAttempts.id));
  return { ...delivery, attemptsLog };
}

/** For the delivery job only (it acts for nobody): the delivery, its endpoint and its state. */
export async function getWebhookDeliveryForSending(deliveryId: string, db: Database = getDb()) {
  const [row] = await db
    .select({
      id: webhookDeliveries.id,
      accountId: webhookDeliveries.accountId,
      endpointId: webhookDeliveries.endpointId,
      eventId: webhookDeliveries.eventId,
      eventType: webhookDeliveries.eventType,
      payload: webhookDeliveries.payload,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      url: webhookEndpoints.url,
      enabled: webhookEndpoints.enabled,
      secretSealed: webhookEndpoints.secretSealed,
      previousSecretSealed: webhookEndpoints.previousSecretSealed,
      previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, deliveryId));
  return row ?? null;
}

export async function insertWebhookAttempt(
  values: { deliveryId: string; attemptedAt: Date; requestHeaders: Record<string, string>; responseStatus: number | null; responseBody: string | null; durationMs: number; error: string | null },
  db: Database = getDb(),
): Promise<void> {
  await db.insert(webhookDeliveryAttempts).values(values);
}

/** Records an attempt's outcome on the delivery, only if no other run recorded this attempt first. */
export async function updateWebhookDeliveryAfterAttempt(
  deliveryId: string,
  expectedAttempts: number,
  values: { status: WebhookDeliveryStatus; responseStatus: number | null; durationMs: number; lastAttemptAt: Date; nextAttemptAt: Date | null },
  db: Database = getDb(),
): Promise<boolean> {
  const rows = await db
    .update(webhookDeliveries)
    .set({ ...values, attempts: expectedAttempts + 1 })
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.attempts, expectedAttempts), eq(webhookDeliveries.status, "pending")))
    .returning({ id: webhookDeliveries.id });
  return rows.length > 0;
}

/** A delivery that will not be sent (its endpoint was turned off meanwhile). */
export async function failPendingWebhookDelivery(deliveryId: string, db: Database = getDb()): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({ status: "failed", nextAttemptAt: null })
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.status, "pending")));
}

/** Turns an endpoint off after its deliveries failed for about a day; false when it already was. */
export async function disableFailingWebhookEndpoint(endpointId: string, db: Database = getDb()): Promise<{ accountId: string; url: string } | null> {
  const [row] = await db
    .update(webhookEndpoints)
    .set({ enabled: false, disabledReason: "failing", disabledAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.enabled, true)))
    .returning({ accountId: webhookEndpoints.accountId, url: webhookEndpoints.url });
  return row ?? null;
}

/** The owners of an account (whom a failing endpoint is reported to). */
export async function listAccountOwnerIds(accountId: string, db: Database = getDb()): Promise<string[]> {
  const rows = await db
    .select({ userId: customerAccountMembers.userId })
    .from(customerAccountMembers)
    .where(and(eq(customerAccountMembers.accountId, accountId), eq(customerAccountMembers.role, "owner")));
  return rows.map((row) => row.userId);
}
