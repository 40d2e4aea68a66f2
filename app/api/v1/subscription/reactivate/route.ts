import { subscriptionEndpoints } from "@/lib/api/endpoints/subscription";
import { apiRoute } from "@/lib/api/route";
import { subscriptionRefusal, subscriptionState } from "@/lib/api/subscription";
import { reactivateSubscription } from "@/lib/billing/subscriptions";
import { requestInfoFrom } from "@/lib/request-info";

export const POST = apiRoute(subscriptionEndpoints.reactivate, async ({ caller, request }) => {
  const result = await reactivateSubscription(caller.user, requestInfoFrom(request.headers));
  if (result.status !== "ok") throw subscriptionRefusal(result.status);
  return { status: 202, body: await subscriptionState(caller.user) };
});
