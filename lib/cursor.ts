import { z } from "zod";
import type { Cursor } from "@/db/queries/search";
import { isCalendarDay } from "@/lib/calendar-day";

/**
 * A cursor's instant as the database wrote it (microseconds, UTC), and a real one: "2024-13-45"
 * has the shape but would fail in the database's cast.
 */
export function isCursorInstant(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(value)) return false;
  // PostgreSQL has no year 0, and nothing here is older than 1970.
  if (Number(value.slice(0, 4)) < 1970) return false;
  const parsed = new Date(`${value.slice(0, 23)}Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 23) === value.slice(0, 23);
}

const cursorSchema = z.tuple([z.string().refine(isCursorInstant), z.uuid()]);

/** A keyset position as an opaque URL value. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString("base64url");
}

/** A tampered or stale cursor means "the first page", never an error. */
export function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? { createdAt: parsed.data[0], id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}

const dayCursorSchema = z.tuple([z.string().refine(isCalendarDay), z.uuid()]);

/** A keyset position over (calendar day, id), e.g. an invoice's issue day, as an opaque URL value. */
export function encodeDayCursor(cursor: { day: string; id: string }): string {
  return Buffer.from(JSON.stringify([cursor.day, cursor.id])).toString("base64url");
}

/** The position, or null for a value no list gave out. */
export function decodeDayCursor(value: string): { day: string; id: string } | null {
  try {
    const parsed = dayCursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? { day: parsed.data[0], id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}
