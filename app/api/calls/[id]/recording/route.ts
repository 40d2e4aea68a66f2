import { callRecordingResponse } from "@/lib/calls/recordings";
import { AppError } from "@/lib/errors";
import { getSessionUser } from "@/lib/session";

/**
 * A call's recording for its account's members (and any for staff), played in place and seekable:
 * Range requests get 206. Everyone else, and a call without a recording, gets a 404 and no bytes.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError("unauthorized", "Please sign in first.");
    const response = await callRecordingResponse(request, user, (await params).id);
    if (!response) throw new AppError("not_found", "That recording does not exist.");
    return response;
  } catch (error) {
    if (error instanceof AppError) return error.toResponse();
    throw error;
  }
}
