import { z } from "zod";
import type { InboxCursor } from "@/db/queries/messages";

const cursorSchema = z.tuple([z.union([z.literal(0), z.literal(1)]), z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/), z.uuid()]);

/** A position in the staff inbox (unread first, then newest) as an opaque URL value. */
export function encodeInboxCursor(cursor: InboxCursor): string {
  return Buffer.from(JSON.stringify([cursor.unread ? 1 : 0, cursor.createdAt, cursor.id])).toString("base64url");
}

/** A tampered or stale cursor means "the first page", never an error. */
export function decodeInboxCursor(value: string | undefined): InboxCursor | null {
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
