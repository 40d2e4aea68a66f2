import { getAgentPerformanceForAccount, listCurrentAgentsForAccount } from "@/db/queries/agents";
import { agentsEndpoints } from "@/lib/api/endpoints/agents";
import { apiRoute } from "@/lib/api/route";
import { todayIn } from "@/lib/projects/dates";

export const GET = apiRoute(agentsEndpoints.assigned, async ({ caller }) => {
  const accountId = caller.user.accountId;
  if (!accountId) return { body: { data: [] } };
  const current = await listCurrentAgentsForAccount(accountId, todayIn(caller.user.timeZone));
  const performance = await getAgentPerformanceForAccount(
    accountId,
    current.map((agent) => agent.id),
  );
  return {
    body: {
      data: current.map(({ avatarFileId: _, active: __, ...agent }) => ({
        ...agent,
        performance: performance.get(agent.id) ?? { calls: 0, successRate: null, averageSatisfaction: null, averageHandlingSeconds: null },
      })),
    },
  };
});
