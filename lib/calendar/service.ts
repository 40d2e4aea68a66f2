import "server-only";
import { createTranslator, type AbstractIntlMessages } from "use-intl/core";
import { createAuditEntry } from "@/db/queries/audit";
import { deleteCalendarFeed, listCalendarEntries, replaceCalendarFeed, openCalendarFeed } from "@/db/queries/calendar-feeds";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import type { Actor } from "@/lib/actor";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { loadMessages } from "@/lib/i18n/config";
import type { RequestInfo } from "@/lib/request-info";
import { generateToken, hashToken } from "@/lib/tokens";
import { buildCalendar } from "./ics";

/** The feed's address for a token; the token is the only credential, so it is shown once and never logged. */
export function calendarFeedUrl(token: string): string {
  return `${appUrl()}/api/calendar/${token}.ics`;
}

function assertCustomer(actor: Actor): string {
  if (actor.role !== "customer" || !actor.accountId) throw new AppError("forbidden", "Calendar feeds show a customer account's projects.");
  return actor.accountId;
}

/** Creates the user's feed, or replaces it (the old address stops working); returns the new address once. */
export async function createCalendarFeed(actor: Actor, info: RequestInfo, db?: Transaction): Promise<{ url: string; replaced: boolean }> {
  assertCustomer(actor);
  const token = generateToken();
  return inTransaction(async (tx) => {
    const { replaced } = await replaceCalendarFeed(actor.id, hashToken(token), tx);
    await createAuditEntry({ action: "user.calendar_feed_created", actorId: actor.id, targetUserId: actor.id, ip: info.ip, userAgent: info.userAgent, metadata: { replaced } }, tx);
    return { url: calendarFeedUrl(token), replaced };
  }, db);
}

export async function revokeCalendarFeed(actor: Actor, info: RequestInfo, db?: Transaction): Promise<{ status: "ok" | "none" }> {
  return inTransaction(async (tx) => {
    if (!(await deleteCalendarFeed(actor.id, tx))) return { status: "none" as const };
    await createAuditEntry({ action: "user.calendar_feed_revoked", actorId: actor.id, targetUserId: actor.id, ip: info.ip, userAgent: info.userAgent }, tx);
    return { status: "ok" as const };
  }, db);
}

/** The calendar for a feed token, or null when no live feed has it (unknown, replaced or revoked). */
export async function calendarForToken(token: string): Promise<string | null> {
  // A token we issued is 43 base64url characters; anything else cannot match and is not looked up.
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const feed = await openCalendarFeed(hashToken(token));
  if (!feed) return null;
  // In the owner's language: the calendar app fetching it has no session to tell us.
  const locale = feed.locale;
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages: messages as AbstractIntlMessages, namespace: "calendarFeed.ics" });
  return buildCalendar(
    await listCalendarEntries(feed.accountId),
    {
      calendarName: t("calendarName" as never),
      milestoneDone: t("milestoneDone" as never),
      milestoneOpen: t("milestoneOpen" as never),
      projectDue: (project) => t("projectDue" as never, { project } as never),
    },
    appUrl(),
  );
}
