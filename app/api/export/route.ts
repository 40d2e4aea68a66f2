import { AppError } from "@/lib/errors";
import { exportDownloadResponse } from "@/lib/export/response";
import { ExportRateLimited } from "@/lib/export/service";
import { requestInfoFrom } from "@/lib/request-info";
import { getSessionUser } from "@/lib/session";

/**
 * The signed-in user's data export (GDPR art. 15/20): a ZIP streamed as it is built. Without a
 * session a 401; over the hourly limit a 429 with Retry-After.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError("unauthorized", "Please sign in first.");
    return await exportDownloadResponse(user, requestInfoFrom(request.headers));
  } catch (error) {
    if (error instanceof AppError) {
      const response = error.toResponse();
      response.headers.set("Cache-Control", "no-store");
      if (error instanceof ExportRateLimited) response.headers.set("Retry-After", String(Math.max(1, error.retryAfterSeconds)));
      return response;
    }
    throw error;
  }
}
