import { z } from "zod";
import { AppError } from "@/lib/errors";
import { getFileForDownload } from "@/lib/files/service";
import { getSessionUser } from "@/lib/session";
import { fileResponse } from "@/lib/storage/download";

/** Any stored file, for whoever its purpose admits (lib/files); everyone else gets a 404. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError("unauthorized", "Please sign in first.");
    const id = z.uuid().safeParse((await params).id);
    if (!id.success) throw new AppError("not_found", "That file does not exist.");
    const { file, inline } = await getFileForDownload(user, id.data);
    return await fileResponse(request, file, { inline });
  } catch (error) {
    if (error instanceof AppError) return error.toResponse();
    throw error;
  }
}
