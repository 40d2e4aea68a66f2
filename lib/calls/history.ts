import type { CallListQuery } from "@/db/queries/calls";
import type { CallHistoryParams } from "@/lib/validations/call-history";

/**
 * The history's parameters as the list query takes them, for the page, the CSV export and the API
 * alike: `from` and `to` are days in the viewer's timezone.
 */
export function callListQueryOf(params: CallHistoryParams, timeZone: string): CallListQuery {
  return { status: params.status, direction: params.direction, agentId: params.agent, from: params.from, to: params.to, search: params.q, timeZone, sort: params.sort, order: params.order };
}
