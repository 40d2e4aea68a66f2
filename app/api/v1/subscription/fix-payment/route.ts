import { subscriptionEndpoints } from "@/lib/api/endpoints/subscription";
import { apiRoute } from "@/lib/api/route";
import { subscriptionRefusal } from "@/lib/api/subscription";
import { fixPayment } from "@/lib/billing/checkout";
import { appUrl } from "@/lib/env";
import { requestInfoFrom } from "@/lib/request-info";

export const POST = apiRoute(subscriptionEndpoints.fixPayment, async ({ caller, request }) => {
  const result = await fixPayment(caller.user, requestInfoFrom(request.headers));
  if (result.status !== "redirect") throw subscriptionRefusal(result.status);
  // The demo checkout answers a path of this app; a client outside it needs the whole address.
  return { status: 201, body: { checkoutUrl: new URL(result.url, appUrl()).href } };
});
