import { listThreads } from "@/db/queries/messages";
import { pageAfter, pageBody } from "@/lib/api/cursor";
import { messagesEndpoints } from "@/lib/api/endpoints/messages";
import { ApiError } from "@/lib/api/errors";
import { sendWithFiles, threadBody } from "@/lib/api/messages";
import { apiRoute } from "@/lib/api/route";
import { startThread } from "@/lib/messages/service";

export const GET = apiRoute(messagesEndpoints.threads, async ({ caller, query }) => {
  const accountId = caller.user.accountId;
  if (!accountId) return { body: { data: [], nextCursor: null } };
  const page = await listThreads(accountId, caller.user.id, { box: query.box, query: query.query }, pageAfter(query));
  return { body: pageBody(page, (thread) => thread) };
});

export const POST = apiRoute(messagesEndpoints.start, async ({ caller, body, files }) => {
  const { attachmentIds, ...input } = body;
  const threadId = await sendWithFiles(caller, attachmentIds, files, (ids) => startThread(caller.user, { ...input, attachmentIds: ids }));
  const created = await threadBody(caller, threadId);
  if (!created) throw new ApiError(404, "not_found", "There is no such thread.");
  return { status: 201, body: { ...created.thread, messages: created.messages } };
});
