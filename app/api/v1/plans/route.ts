import { listPlans } from "@/db/queries/plans";
import { planBody, subscriptionEndpoints } from "@/lib/api/endpoints/subscription";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute(subscriptionEndpoints.plans, async () => ({ body: { data: (await listPlans({ onlyActive: true })).map(planBody) } }));
