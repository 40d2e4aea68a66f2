import { messagesEndpoints } from "@/lib/api/endpoints/messages";
import { ApiError } from "@/lib/api/errors";
import { apiRoute, assertUuid } from "@/lib/api/route";
import { listThreadMessages } from "@/db/queries/messages";
import { getFileForDownload } from "@/lib/files/service";
import { fileResponse } from "@/lib/storage/download";

/** The same bytes the thread page's link downloads, with the file rules of lib/files. */
export const GET = apiRoute(messagesEndpoints.attachment, async ({ caller, request, params }) => {
  const threadId = assertUuid(params.id, "thread");
  const fileId = assertUuid(params.fileId, "attachment");
  const messages = caller.user.accountId ? await listThreadMessages(caller.user.accountId, threadId) : [];
  if (!messages.some((message) => message.attachments.some((file) => file.fileId === fileId))) throw new ApiError(404, "not_found", "There is no such attachment.");
  const { file } = await getFileForDownload(caller.user, fileId);
  return fileResponse(request, file);
});
