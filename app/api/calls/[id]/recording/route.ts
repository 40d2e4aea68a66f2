import { z } from "zod";
import { adminGetCall, getCallForAccount } from "@/db/queries/calls";
import { isStaff } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { getSessionUser } from "@/lib/session";
import { fileResponse } from "@/lib/storage/download";

/**
 * A call's recording for its account's members (and any for staff), played in place and seekable:
 * Range requests get 206. Everyone else, and a call without a recording, gets a 404 and no bytes.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError("unauthorized", "Please sign in first.");
    const id = z.uuid().safeParse((await params).id);
    const call = !id.success ? null : isStaff(user) ? await adminGetCall(id.data) : user.accountId ? await getCallForAccount(user.accountId, id.data) : null;
    if (!call?.recording) throw new AppError("not_found", "That recording does not exist.");
    return await fileResponse(request, call.recording, { inline: true });
  } catch (error) {
    if (error instanceof AppError) return error.toResponse();
    throw error;
  }
}
