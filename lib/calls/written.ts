import "server-only";
import { announceToUsers } from "@/db/queries/notifications";
import { listAccountMemberIds } from "@/db/queries/projects";
import type { Transaction } from "@/db/queries/transaction";
import { listActiveStaffIds } from "@/db/queries/users";
import { checkUsageAlerts } from "@/lib/billing/usage";
import { LOW_SATISFACTION_MAX } from "@/lib/constants";
import { notify } from "@/lib/notifications/service";

export type LowSatisfactionCandidate = { account: string; satisfaction: number | null; summary: string | null };

/**
 * What follows writing calls, for the platform's reports and staff's CSV import alike, in the
 * writing transaction: each account written has its usage alerts checked and its members' open
 * pages told of new calls; each call passed in `rated` with a low score is told to staff.
 */
export async function afterCallsWritten(accountIds: Iterable<string>, tx: Transaction, rated: LowSatisfactionCandidate[] = []): Promise<void> {
  for (const accountId of new Set(accountIds)) {
    await checkUsageAlerts(accountId, tx);
    await announceToUsers(await listAccountMemberIds(accountId, tx), "calls", tx);
  }
  const low = rated.filter((call) => call.satisfaction !== null && call.satisfaction <= LOW_SATISFACTION_MAX);
  if (low.length === 0) return;
  const staffIds = await listActiveStaffIds(tx);
  for (const call of low) {
    for (const userId of staffIds) {
      await notify(userId, { type: "staff.lowSatisfactionCall", params: { account: call.account, score: call.satisfaction!, summary: call.summary ?? "" } }, tx);
    }
  }
}
