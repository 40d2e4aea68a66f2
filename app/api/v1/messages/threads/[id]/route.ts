import { messagesEndpoints } from "@/lib/api/endpoints/messages";
import { ApiError } from "@/lib/api/errors";
import { shownThread, threadMessages } from "@/lib/api/messages";
import { apiRoute, assertUuid } from "@/lib/api/route";
import { getThread } from "@/db/queries/messages";
import { readThread } from "@/lib/messages/service";

export const GET = apiRoute(messagesEndpoints.thread, async ({ caller, params }) => {
  const id = assertUuid(params.id, "thread");
  const accountId = caller.user.accountId;
  const thread = accountId ? await getThread(accountId, caller.user.id, id) : null;
  if (!accountId || !thread) throw new ApiError(404, "not_found", "There is no such thread.");
  // As the page: read before listing, so what this answer holds counts as read, and nothing newer.
  if (thread.unread) await readThread(caller.user, thread.id);
  return { body: { ...shownThread(thread), messages: await threadMessages(accountId, thread.id) } };
});
