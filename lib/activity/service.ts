import "server-only";
import { getAccountMembership } from "@/db/queries/accounts";
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

export type SecurityActivityType = Extract<ActivityType, `security.${string}`>;

/**
 * A security event of one member, on their account's timeline and seen only by them and staff.
 * `byStaff` leaves the actor unnamed (staff act as "our team"). Staff users have no account: nothing is recorded.
 */
export async function recordSecurityActivity(
  userId: string,
  type: SecurityActivityType,
  params: Record<string, string | number | boolean>,
  db: Transaction,
  options: { byStaff?: boolean } = {},
): Promise<void> {
  const membership = await getAccountMembership(userId, db);
  if (!membership) return;
  await recordActivity(
    { accountId: membership.accountId, type, params, link: "/dashboard/security", actorId: options.byStaff ? null : userId, onlyForUserId: userId },
    db,
  );
}
