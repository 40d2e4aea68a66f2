import { claimCallRequests } from "@/lib/calls/requests";
import { fieldReasons, CallReportRefusal } from "@/lib/calls/ingest";
import { platformRoute } from "@/lib/platform/http";
import { claimLimitSchema } from "@/lib/validations/call-platform";

/**
 * Claims the outbound calls customers asked for that are due, with each account's call
 * preferences. A request is handed out once: the platform reports its call with `callRequestId`;
 * one not reported within CALL_REQUEST_CLAIM_LEASE_MINUTES of its claim is handed out again.
 */
export const GET = platformRoute(async (request: Request) => {
  const limit = claimLimitSchema.safeParse({ limit: new URL(request.url).searchParams.get("limit") ?? undefined });
  if (!limit.success) throw new CallReportRefusal(400, fieldReasons(limit.error));
  return Response.json({ requests: await claimCallRequests(limit.data.limit) });
});
