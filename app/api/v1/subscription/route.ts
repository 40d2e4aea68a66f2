import { subscriptionEndpoints } from "@/lib/api/endpoints/subscription";
import { apiRoute } from "@/lib/api/route";
import { subscriptionRefusal, subscriptionState } from "@/lib/api/subscription";
import { startSubscriptionCheckout } from "@/lib/billing/checkout";
import { appUrl } from "@/lib/env";
import { requestInfoFrom } from "@/lib/request-info";

export const GET = apiRoute(subscriptionEndpoints.get, async ({ caller }) => ({ body: await subscriptionState(caller.user) }));

export const POST = apiRoute(subscriptionEndpoints.subscribe, async ({ caller, request, body }) => {
  const result = await startSubscriptionCheckout(caller.user, body, requestInfoFrom(request.headers));
  if (result.status !== "redirect") throw subscriptionRefusal(result.status);
  // The demo checkout answers a path of this app; a client outside it needs the whole address.
  return { status: 201, body: { checkoutUrl: new URL(result.url, appUrl()).href } };
});
