import { detectFileType } from "@/lib/storage";

/**
 * The attachment types we accept, by the type their content shows, with the extensions a file of
 * that type may carry: a PNG named report.pdf is refused, so nobody is misled by a name.
 */
const extensionsByType: Record<string, readonly string[]> = {
  "image/jpeg": ["jpg", "jpeg"],
  "image/png": ["png"],
  "image/gif": ["gif"],
  "image/webp": ["webp"],
  "application/pdf": ["pdf"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["xlsx"],
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": ["pptx"],
  // The older Office formats share one container format.
  "application/x-cfb": ["doc", "xls", "ppt"],
  "application/vnd.oasis.opendocument.text": ["odt"],
  "application/vnd.oasis.opendocument.spreadsheet": ["ods"],
  "application/vnd.oasis.opendocument.presentation": ["odp"],
  "application/rtf": ["rtf"],
  "application/zip": ["zip"],
  "text/plain": ["txt", "csv", "md", "log"],
};

export const attachmentTypes = Object.keys(extensionsByType);

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "";
}

/** Whether a name, as the uploader's system gave it, is one we will store and offer back. */
export function isSafeFileName(fileName: string): boolean {
  return (
    fileName.length > 0 &&
    fileName.length <= 200 &&
    fileName.trim() === fileName &&
    // No path (../, folders), no control characters, nothing a shell or a header would read differently.
    !/[\u0000-\u001f\u007f-\u009f/\\:*?"<>|\u202a-\u202e\u2066-\u2069]/.test(fileName) &&
    !fileName.startsWith(".")
  );
}

/** UTF-8 text without NUL bytes: what "plain text" means here, since text has no signature. */
function looksLikeText(head: Uint8Array): boolean {
  if (head.includes(0)) return false;
  // A multi-byte character may be cut at the end of the sample: drop up to three trailing bytes.
  for (let cut = 0; cut <= Math.min(3, head.byteLength); cut++) {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, head.byteLength - cut));
      return true;
    } catch {
      // Try again without one more trailing byte.
    }
  }
  return false;
}

/**
 * The type of an attachment from its first bytes, checked against its name's extension; null when
 * the content is not an accepted type or the extension does not fit it.
 */
export async function detectAttachmentType(head: Uint8Array, fileName: string): Promise<{ mime: string; ext: string } | null> {
  const extension = extensionOf(fileName);
  const detected = await detectFileType(head);
  const type = detected ?? (looksLikeText(head) ? { mime: "text/plain", ext: "txt" } : null);
  if (!type || !extensionsByType[type.mime]?.includes(extension)) return null;
  return { mime: type.mime, ext: extension };
}
