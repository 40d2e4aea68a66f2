import { getCallStatistics } from "@/db/queries/calls";
import { callEndpoints } from "@/lib/api/endpoints/calls";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute(callEndpoints.stats, async ({ caller }) => {
  const accountId = caller.user.accountId;
  if (!accountId) return { body: { total: 0, thisMonth: 0, successRate: null, averageDuration: null, averageSatisfaction: null, days: [] } };
  return { body: await getCallStatistics(accountId, caller.user.timeZone) };
});
