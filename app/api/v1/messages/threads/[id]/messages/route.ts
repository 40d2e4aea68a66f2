import { messagesEndpoints } from "@/lib/api/endpoints/messages";
import { ApiError } from "@/lib/api/errors";
import { sendWithFiles, threadBody } from "@/lib/api/messages";
import { apiRoute, assertUuid } from "@/lib/api/route";
import { replyToThread } from "@/lib/messages/service";

export const POST = apiRoute(messagesEndpoints.reply, async ({ caller, params, body, files }) => {
  const threadId = assertUuid(params.id, "thread");
  await sendWithFiles(caller, body.attachmentIds, files, (ids) => replyToThread(caller.user, { threadId, body: body.body, attachmentIds: ids }));
  const thread = await threadBody(caller, threadId);
  if (!thread) throw new ApiError(404, "not_found", "There is no such thread.");
  return { status: 201, body: { ...thread.thread, messages: thread.messages } };
});
