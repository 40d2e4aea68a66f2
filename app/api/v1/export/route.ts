import { exportEndpoints } from "@/lib/api/endpoints/export";
import { ApiError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/route";
import { exportDownloadResponse } from "@/lib/export/response";
import { ExportRateLimited } from "@/lib/export/service";
import { requestInfoFrom } from "@/lib/request-info";

export const GET = apiRoute(exportEndpoints.get, async ({ caller, request }) => {
  try {
    return await exportDownloadResponse(caller.user, requestInfoFrom(request.headers));
  } catch (error) {
    if (error instanceof ExportRateLimited) {
      throw new ApiError(429, "rate_limited", "This user exported their data 5 times this hour; try again later.", {}, { "Retry-After": String(Math.max(1, error.retryAfterSeconds)) });
    }
    throw error;
  }
});
