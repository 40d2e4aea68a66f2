import "server-only";
import { getDb, type Database } from "@/db";
import { emailOutbox, type EmailStatus } from "@/db/schema";

/** Records a message the mail layer handled; its bodies must already have every secret redacted. */
export async function createOutboxEntry(
  entry: { toAddress: string; template: string; subject: string; textBody: string; htmlBody: string; status: EmailStatus; error: string | null },
  db: Database = getDb(),
): Promise<string> {
  const [row] = await db
    .insert(emailOutbox)
    .values({ ...entry, sentAt: entry.status === "sent" ? new Date() : null })
    .returning({ id: emailOutbox.id });
  return row!.id;
}
