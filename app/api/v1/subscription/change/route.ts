import { subscriptionEndpoints } from "@/lib/api/endpoints/subscription";
import { apiRoute } from "@/lib/api/route";
import { subscriptionRefusal, subscriptionState } from "@/lib/api/subscription";
import { changePlan, previewPlanChange } from "@/lib/billing/subscriptions";
import { requestInfoFrom } from "@/lib/request-info";

export const GET = apiRoute(subscriptionEndpoints.previewChange, async ({ caller, query }) => {
  const preview = await previewPlanChange(caller.user, query);
  if (preview.status !== "ok") throw subscriptionRefusal(preview.status);
  return { body: { amountDue: preview.amountDue, currency: preview.currency, periodEnd: preview.periodEnd.toISOString() } };
});

export const POST = apiRoute(subscriptionEndpoints.change, async ({ caller, request, body }) => {
  const result = await changePlan(caller.user, body, requestInfoFrom(request.headers));
  if (result.status !== "ok") throw subscriptionRefusal(result.status);
  return { status: 202, body: await subscriptionState(caller.user) };
});
