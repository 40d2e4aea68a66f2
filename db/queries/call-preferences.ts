import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { callPreferences } from "@/db/schema";
import type { CallQuality } from "@/lib/constants";

export type CallPreferenceValues = {
  recordingConsent: boolean;
  autoRecord: boolean;
  aiAssistance: boolean;
  callQuality: CallQuality;
  noiseCancellation: boolean;
  autoAnswer: boolean;
};

/** What an account that never saved its preferences gets: the table's defaults. */
export const defaultCallPreferences: CallPreferenceValues = {
  recordingConsent: false,
  autoRecord: false,
  aiAssistance: true,
  callQuality: "high",
  noiseCancellation: true,
  autoAnswer: false,
};

const preferenceColumns = {
  recordingConsent: callPreferences.recordingConsent,
  autoRecord: callPreferences.autoRecord,
  aiAssistance: callPreferences.aiAssistance,
  callQuality: callPreferences.callQuality,
  noiseCancellation: callPreferences.noiseCancellation,
  autoAnswer: callPreferences.autoAnswer,
};

/** The account's preferences, the defaults when it has none. `lock` holds them until the transaction ends. */
export async function getCallPreferences(accountId: string, db: Database = getDb(), options: { lock?: boolean } = {}): Promise<CallPreferenceValues> {
  const query = db.select(preferenceColumns).from(callPreferences).where(eq(callPreferences.accountId, accountId));
  const [row] = options.lock ? await query.for("share") : await query;
  return row ?? defaultCallPreferences;
}

/** Preferences of several accounts at once (the platform's claimed requests), defaults filled in. */
export async function getCallPreferencesOf(accountIds: string[], db: Database = getDb()): Promise<Map<string, CallPreferenceValues>> {
  const unique = [...new Set(accountIds)];
  const found = new Map<string, CallPreferenceValues>();
  if (unique.length > 0) {
    const rows = await db
      .select({ accountId: callPreferences.accountId, ...preferenceColumns })
      .from(callPreferences)
      .where(inArray(callPreferences.accountId, unique));
    for (const { accountId, ...values } of rows) found.set(accountId, values);
  }
  return new Map(unique.map((id) => [id, found.get(id) ?? defaultCallPreferences]));
}

export async function saveCallPreferences(accountId: string, values: CallPreferenceValues, updatedById: string, db: Database = getDb()): Promise<void> {
  await db
    .insert(callPreferences)
    .values({ accountId, ...values, updatedById })
    .onConflictDoUpdate({ target: callPreferences.accountId, set: { ...values, updatedById, updatedAt: sql`now()` } });
}
