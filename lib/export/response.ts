import "server-only";
import type { Actor } from "@/lib/actor";
import type { AccountMemberRole } from "@/lib/constants";
import type { RequestInfo } from "@/lib/request-info";
import { contentDisposition } from "@/lib/storage/download";
import { toWebStream } from "./archive";
import { exportUserData } from "./service";

/**
 * The actor's data export as a ZIP download, streamed as it is built, that no cache keeps. Over the
 * hourly limit it throws ExportRateLimited. The settings page's download and the API answer this.
 */
export async function exportDownloadResponse(actor: Actor & { accountRole: AccountMemberRole | null }, info: RequestInfo): Promise<Response> {
  const { fileName, body } = await exportUserData(actor, info);
  return new Response(toWebStream(body), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": contentDisposition("attachment", fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}
