import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { attachmentPurposes } from "@/lib/constants";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getSessionUser } from "@/lib/session";
import { receiveUpload } from "@/lib/uploads/service";

const statusByRejection = { bad_name: 400, empty: 400, too_large: 413, unsupported_type: 415, too_many_pending: 429 } as const;

function fileNameFrom(request: Request): string | null {
  const header = request.headers.get("x-file-name");
  if (header === null) return null;
  try {
    return decodeURIComponent(header);
  } catch {
    return null;
  }
}

/**
 * One file chosen in a form, streamed to storage before the form is sent (a form with ten 10 MB
 * files would be too large for a server action). The form then sends the returned id.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError("unauthorized", "Please sign in first.");
    // Our own pages upload with fetch; a form on another site must not put files into a session.
    const origin = request.headers.get("origin");
    const fetchSite = request.headers.get("sec-fetch-site");
    if ((origin !== null && origin !== new URL(appUrl()).origin) || (fetchSite !== null && fetchSite !== "same-origin")) {
      throw new AppError("forbidden", "Uploads come from this site only.");
    }
    const purpose = z.enum(attachmentPurposes).safeParse(new URL(request.url).searchParams.get("purpose"));
    if (!purpose.success) throw new AppError("bad_request", "Say what the file is for: purpose=message_attachment, request_attachment or deliverable.");
    const fileName = fileNameFrom(request) ?? "";
    const length = request.headers.get("content-length");
    const declaredBytes = length !== null && /^\d+$/.test(length) ? Number(length) : null;
    const t = await getTranslations({ locale: user.locale, namespace: "attachments.errors" });

    const result = await receiveUpload(user, { purpose: purpose.data, fileName, body: request.body ?? new Uint8Array(), declaredBytes });
    if (result.status !== "ok") {
      return Response.json({ error: { code: result.status, message: t(result.status, { name: fileName || "?" }) } }, { status: statusByRejection[result.status] });
    }
    return Response.json({ file: result.file }, { status: 201 });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // The picker shows the message as it is: in the reader's language where we have it.
    const t = await getTranslations("errors");
    return t.has(error.code) ? new AppError(error.code, t(error.code)).toResponse() : error.toResponse();
  }
}
