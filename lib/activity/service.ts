import "server-only";
import { insertActivity } from "@/db/queries/activity";
import type { Transaction } from "@/db/queries/transaction";
import { activityTypes, type ActivityType } from "./types";

/**
 * Adds an entry to the account's timeline. Call it with the transaction of the change it records,
 * so the timeline never shows what did not happen. Security events pass `onlyForUserId`: they are
 * shown to that member (and staff), not to colleagues.
 */
export async function recordActivity(
  entry: {
    accountId: string;
    type: ActivityType;
    params?: Record<string, string | number | boolean>;
    link?: string | null;
    actorId?: string | null;
    onlyForUserId?: string | null;
    occurredAt?: Date;
  },
  db: Transaction,
): Promise<void> {
  await insertActivity([{ ...entry, area: activityTypes[entry.type].area }], db);
}
