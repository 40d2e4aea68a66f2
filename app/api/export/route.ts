import { AppError } from "@/lib/errors";
import { toWebStream } from "@/lib/export/archive";
import { ExportRateLimited, exportUserData } from "@/lib/export/service";
import { requestInfoFrom } from "@/lib/request-info";
import { getSessionUser } from "@/lib/session";
import { contentDisposition } from "@/lib/storage/download";

/**
 * The signed-in user's data export (GDPR art. 15/20): a ZIP streamed as it is built. Without a
 * session a 401; over the hourly limit a 429 with Retry-After.
 */
export async function GET(request: Request): Promise<Response> {
  const noStore = { "Cache-Control": "no-store" };
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError("unauthorized", "Please sign in first.");
    const { fileName, body } = await exportUserData(user, requestInfoFrom(request.headers));
    return new Response(toWebStream(body), {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": contentDisposition("attachment", fileName),
        "X-Content-Type-Options": "nosniff",
        ...noStore,
      },
    });
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
