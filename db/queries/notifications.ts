import "server-only";
import { and, count, desc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import { connection, getDb, type Database, type Unlisten } from "@/db";
import { notificationPreferences, notifications, users, userSettings, type Locale, type NotificationCategory } from "@/db/schema";
import { notificationCategories, type DateFormat, type TimeFormat } from "@/lib/constants";
import { defaultChannels, inAppRequired, type ChannelChoice } from "@/lib/notifications/channels";

/**
 * The NOTIFY channel that tells every instance of a user's new notification (`id`), read ones (no
 * id), or new data on a live page (`topic`, e.g. a call ingested for their account).
 */
const CHANNEL = "clientdesk_notifications";

/** Pages that refresh when their data changes elsewhere. */
export const liveTopics = ["calls"] as const;
export type LiveTopic = (typeof liveTopics)[number];
export type NotificationEvent = { userId: string; id?: string; topic?: LiveTopic };
export type { Unlisten };

async function announce(event: NotificationEvent, db: Database): Promise<void> {
  await db.execute(sql`select pg_notify(${CHANNEL}, ${JSON.stringify(event)})`);
}

/**
 * Stores a notification and announces it with NOTIFY in the same transaction: PostgreSQL delivers
 * the announcement only if the transaction commits, so no listener hears of a row that never was.
 */
export async function createNotification(
  input: { userId: string; category: NotificationCategory; type: string; params: Record<string, string | number>; link: string | null },
  db: Database = getDb(),
): Promise<string> {
  const [row] = await db.insert(notifications).values(input).returning({ id: notifications.id });
  await announce({ userId: input.userId, id: row!.id }, db);
  return row!.id;
}

/** Tells each user's open pages that `topic` has new data; delivered only if the caller's transaction commits. */
export async function announceToUsers(userIds: string[], topic: LiveTopic, db: Database = getDb()): Promise<void> {
  for (const userId of userIds) await announce({ userId, topic }, db);
}

/**
 * Hears every notification created through this database, by any instance or the worker.
 * `onListen` runs whenever listening (re)starts, e.g. after the connection dropped.
 */
export function listenForNotifications(onEvent: (event: NotificationEvent) => void, onListen: () => void): Promise<Unlisten> {
  return connection().listen(
    CHANNEL,
    (payload) => {
      try {
        onEvent(JSON.parse(payload) as NotificationEvent);
      } catch {
        // Nothing but this module writes to the channel; a malformed payload is ignored.
      }
    },
    onListen,
  );
}

const notificationColumns = {
  id: notifications.id,
  category: notifications.category,
  type: notifications.type,
  params: notifications.params,
  link: notifications.link,
  createdAt: notifications.createdAt,
  readAt: notifications.readAt,
};

export type NotificationRow = {
  id: string;
  category: NotificationCategory;
  type: string;
  params: Record<string, string | number>;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
};

export type NotificationOrder = "newest" | "unread";
/** Where the previous page ended: its last row's sort values (the time to the microsecond, as text). */
export type NotificationCursor = { unread: boolean; createdAt: string; id: string };

// Microseconds, which a JavaScript Date would lose: rows written in one transaction share a time.
const cursorTime = sql<string>`to_char(${notifications.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function after(order: NotificationOrder, cursor: NotificationCursor): SQL {
  const older = sql`(${notifications.createdAt}, ${notifications.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`;
  if (order === "newest") return older;
  // Unread first: after an unread row come older unread rows, then every read row.
  return cursor.unread
    ? or(and(isNull(notifications.readAt), older), sql`${notifications.readAt} is not null`)!
    : and(sql`${notifications.readAt} is not null`, older)!;
}

/** One page of the user's notifications (keyset over the sort values), and where the next one starts. */
export async function listNotifications(
  userId: string,
  params: { order: NotificationOrder; cursor?: NotificationCursor | null; limit: number },
  db: Database = getDb(),
): Promise<{ rows: NotificationRow[]; next: NotificationCursor | null }> {
  const order = params.order === "unread" ? [sql`${notifications.readAt} is null desc`] : [];
  const found = await db
    .select({ ...notificationColumns, cursorTime })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), params.cursor ? after(params.order, params.cursor) : undefined))
    .orderBy(...order, desc(notifications.createdAt), desc(notifications.id))
    .limit(params.limit + 1);
  const rows = found.slice(0, params.limit).map(({ cursorTime: _, ...row }) => row);
  const last = found.length > params.limit ? found[params.limit - 1] : undefined;
  return { rows, next: last ? { unread: !last.readAt, createdAt: last.cursorTime, id: last.id } : null };
}

export async function getNotification(userId: string, id: string, db: Database = getDb()): Promise<NotificationRow | null> {
  const [row] = await db
    .select(notificationColumns)
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  return row ?? null;
}

export async function countUnreadNotifications(userId: string, db: Database = getDb()): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.value ?? 0;
}

/**
 * Marks one of the user's own notifications read (someone else's id changes nothing) and tells the
 * user's other open tabs, whose unread count changed. Reading one that is already read is fine.
 */
export async function markNotificationRead(userId: string, id: string, db: Database = getDb()): Promise<boolean> {
  const [row] = await db
    .select({ readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  if (!row) return false;
  if (!row.readAt) {
    await db.update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.id, id), isNull(notifications.readAt)));
    await announce({ userId }, db);
  }
  return true;
}

export async function markAllNotificationsRead(userId: string, db: Database = getDb()): Promise<number> {
  const marked = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  if (marked.length > 0) await announce({ userId }, db);
  return marked.length;
}

export type NotificationPreferences = Record<NotificationCategory, ChannelChoice>;

export async function getNotificationPreferences(userId: string, db: Database = getDb()): Promise<NotificationPreferences> {
  const rows = await db
    .select({ category: notificationPreferences.category, inApp: notificationPreferences.inApp, email: notificationPreferences.email, sms: notificationPreferences.sms })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const saved = new Map(rows.map(({ category, ...channels }) => [category, channels]));
  return Object.fromEntries(
    notificationCategories.map((category) => {
      const channels = saved.get(category) ?? defaultChannels(category);
      return [category, { ...channels, inApp: channels.inApp || inAppRequired.includes(category) }];
    }),
  ) as NotificationPreferences;
}

export async function setNotificationPreferences(userId: string, preferences: NotificationPreferences, db: Database = getDb()): Promise<void> {
  const now = new Date();
  await db
    .insert(notificationPreferences)
    .values(notificationCategories.map((category) => ({ userId, category, ...preferences[category], updatedAt: now })))
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.category],
      set: { inApp: sql`excluded.in_app`, email: sql`excluded.email`, sms: sql`excluded.sms`, updatedAt: now },
    });
}

/** Who a notification is for: their address, phone, language and date preferences, and the channels they want it on. */
export async function getNotificationRecipient(userId: string, category: NotificationCategory, db: Database = getDb()) {
  const defaults = defaultChannels(category);
  const [row] = await db
    .select({
      email: users.email,
      phone: users.phone,
      name: users.name,
      active: sql<boolean>`${users.status} = 'active'`,
      locale: sql<Locale>`coalesce(${userSettings.locale}, 'en')`,
      dateFormat: sql<DateFormat>`coalesce(${userSettings.dateFormat}, 'locale')`,
      timeFormat: sql<TimeFormat>`coalesce(${userSettings.timeFormat}, 'locale')`,
      timeZone: sql<string>`coalesce(${userSettings.timeZone}, 'UTC')`,
      wantsInApp: sql<boolean>`coalesce(${notificationPreferences.inApp}, ${defaults.inApp})`,
      wantsEmail: sql<boolean>`coalesce(${notificationPreferences.email}, ${defaults.email})`,
      wantsSms: sql<boolean>`coalesce(${notificationPreferences.sms}, ${defaults.sms})`,
    })
    .from(users)
    .leftJoin(userSettings, eq(userSettings.userId, users.id))
    .leftJoin(notificationPreferences, and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.category, category)))
    .where(eq(users.id, userId));
  return row ? { ...row, wantsInApp: row.wantsInApp || inAppRequired.includes(category) } : null;
}
