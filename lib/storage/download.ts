import "server-only";
import { createHash } from "node:crypto";
import { storage, type ByteRange } from "./index";

/** What a download needs of a `stored_files` row. */
export type DownloadableFile = { storageKey: string; contentType: string; sizeBytes: number; fileName: string };

/**
 * Types a browser may show in place. Only images we re-encoded ourselves and audio qualify: a file
 * kept as uploaded (HTML, SVG, PDF…) is always a download, so it never runs on our origin.
 */
const inlineTypes = new Set(["image/webp", "image/jpeg", "image/png", "audio/mpeg", "audio/mp4", "audio/ogg", "audio/wav", "audio/webm", "audio/x-wav"]);

/**
 * `bytes=0-99`, `bytes=100-` or `bytes=-100` against a file of `size` bytes. Null means no Range
 * (or several ranges, or another unit, which we may ignore and answer whole); "unsatisfiable" covers
 * every malformed or out-of-bounds byte range.
 */
export function parseRange(header: string | null, size: number): ByteRange | "unsatisfiable" | null {
  if (header === null) return null;
  const match = /^\s*bytes\s*=\s*(.*)$/i.exec(header);
  // A unit other than bytes is ignored (RFC 9110 §14.2): the whole file, not an error.
  if (!match) return null;
  const spec = match[1]!.trim();
  if (spec.includes(",")) return null;
  const parts = /^(\d*)\s*-\s*(\d*)$/.exec(spec);
  if (!parts || (parts[1] === "" && parts[2] === "")) return "unsatisfiable";
  const [first, last] = [parts[1]!, parts[2]!];
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || (last !== "" && Number(last) < start)) return "unsatisfiable";
  return { start, end };
}

/** RFC 6266: an ASCII `filename=` for old clients and the exact name as UTF-8 in `filename*=`. */
export function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const name = fileName.replace(/[\u0000-\u001f\u007f/\\]/g, "_").trim() || "download";
  const ascii = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x20-\x7e]|["%]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Streams a stored file as a route handler's answer. The caller has already authorized the request:
 * this only decides how the bytes go out (Range, ETag, and headers that keep them inert).
 * `inline` is honoured only for the types in `inlineTypes`.
 */
export async function fileResponse(request: Request, file: DownloadableFile, options: { inline?: boolean } = {}): Promise<Response> {
  // Keys are never reused (a new upload is a new key), so the key identifies the content.
  const etag = `"${createHash("sha256").update(`${file.storageKey}:${file.sizeBytes}`).digest("base64url").slice(0, 27)}"`;
  const inline = options.inline === true && inlineTypes.has(file.contentType);
  const headers = new Headers({
    "Content-Type": file.contentType,
    "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", file.fileName),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "sandbox; default-src 'none'; frame-ancestors 'none'",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Accept-Ranges": "bytes",
    ETag: etag,
    // Only this user's browser may keep it; the ETag makes revalidation cheap.
    "Cache-Control": "private, max-age=300",
  });

  if (request.headers.get("if-none-match")?.split(",").some((tag) => tag.trim() === etag)) return new Response(null, { status: 304, headers });

  // If-Range: a range of another version would splice two files together, so send the whole one.
  const ifRange = request.headers.get("if-range");
  const range = ifRange && ifRange !== etag ? null : parseRange(request.headers.get("range"), file.sizeBytes);
  if (range === "unsatisfiable") {
    return Response.json(
      { error: { code: "range_not_satisfiable", message: "The requested range is not satisfiable.", fields: {} } },
      { status: 416, headers: { "Content-Range": `bytes */${file.sizeBytes}`, "Accept-Ranges": "bytes", "X-Content-Type-Options": "nosniff" } },
    );
  }

  const body = await (await storage()).get(file.storageKey, range ?? undefined);
  if (!body) {
    console.error(`[storage] a stored_files row names missing bytes: ${file.storageKey}`);
    return Response.json({ error: { code: "not_found", message: "That file does not exist.", fields: {} } }, { status: 404 });
  }
  if (!range) {
    headers.set("Content-Length", String(file.sizeBytes));
    return new Response(body, { status: 200, headers });
  }
  headers.set("Content-Length", String(range.end - range.start + 1));
  headers.set("Content-Range", `bytes ${range.start}-${range.end}/${file.sizeBytes}`);
  return new Response(body, { status: 206, headers });
}
