import { z } from "zod";
import type { NotificationCursor } from "@/db/queries/notifications";

const cursorSchema = z.tuple([z.union([z.literal(0), z.literal(1)]), z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/), z.uuid()]);

/** Where the next page starts, as an opaque URL value. */
export function encodeNotificationCursor(cursor: NotificationCursor): string {
  return Buffer.from(JSON.stringify([cursor.unread ? 1 : 0, cursor.createdAt, cursor.id])).toString("base64url");
}

/** A tampered or stale cursor means "the first page", never an error. */
export function decodeNotificationCursor(value: string | undefined): NotificationCursor | null {
  if (!value) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    if (!parsed.success) return null;
    const [unread, createdAt, id] = parsed.data;
    return { unread: unread === 1, createdAt, id };
  } catch {
    return null;
  }
}
