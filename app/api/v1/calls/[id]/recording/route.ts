import { callEndpoints } from "@/lib/api/endpoints/calls";
import { ApiError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/route";
import { callRecordingResponse } from "@/lib/calls/recordings";

export const GET = apiRoute(callEndpoints.recording, async ({ caller, request, params }) => {
  const response = await callRecordingResponse(request, caller.user, params.id);
  if (!response) throw new ApiError(404, "not_found", "There is no such call, or it has no recording.");
  return response;
});
