import { z } from "zod";
import type { NotificationCursor } from "@/db/queries/notifications";

const cursorSchema = z.tuple([z.union([z.literal(0), z.literal(1)]), z.iso.datetime(), z.uuid()]);

/** The last row of a page as an opaque URL value; the next page starts after it. */
export function encodeNotificationCursor(row: { readAt: Date | null; createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([row.readAt ? 0 : 1, row.createdAt.toISOString(), row.id])).toString("base64url");
}

/** A tampered or stale cursor means "the first page", never an error. */
export function decodeNotificationCursor(value: string | undefined): NotificationCursor | null {
  if (!value) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    if (!parsed.success) return null;
    const [unread, createdAt, id] = parsed.data;
    return { unread: unread === 1, createdAt: new Date(createdAt), id };
  } catch {
    return null;
  }
}
