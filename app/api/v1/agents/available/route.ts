import { listActiveAgents } from "@/db/queries/agents";
import { agentsEndpoints } from "@/lib/api/endpoints/agents";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute(agentsEndpoints.available, async () => ({ body: { data: await listActiveAgents() } }));
