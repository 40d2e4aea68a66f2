import { CALL_RECORDING_MAX_BYTES } from "@/lib/constants";
import { ingestCall, type RecordingUpload } from "@/lib/calls/ingest";
import { badRequest, platformRoute } from "@/lib/platform/http";

/** A report's JSON: a transcript of 200,000 characters fits with room to spare. */
const MAX_REPORT_BYTES = 1024 * 1024;

function declaredLength(request: Request): number | null {
  const length = request.headers.get("content-length");
  return length !== null && /^\d+$/.test(length) ? Number(length) : null;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * The call platform reports a finished call: `application/json` (the report), or
 * `multipart/form-data` with the report in `call` and the audio in `recording`. 201 for a new call,
 * 200 with the stored call for a repeat of its platform call id.
 */
export const POST = platformRoute(async (request: Request) => {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const length = declaredLength(request);
  let report: unknown;
  let recording: RecordingUpload | null = null;

  if (type === "application/json") {
    if (length !== null && length > MAX_REPORT_BYTES) return Response.json({ error: { code: "too_large", message: "The report is larger than 1 MB.", fields: {} } }, { status: 413 });
    const text = await request.text();
    if (text.length > MAX_REPORT_BYTES) return Response.json({ error: { code: "too_large", message: "The report is larger than 1 MB.", fields: {} } }, { status: 413 });
    const parsed = parseJson(text);
    if (!parsed.ok) return badRequest("The body is not valid JSON.", { form: "The body is not valid JSON." });
    report = parsed.value;
  } else if (type === "multipart/form-data") {
    if (length !== null && length > CALL_RECORDING_MAX_BYTES + MAX_REPORT_BYTES) {
      return Response.json({ error: { code: "too_large", message: "The recording is too large.", fields: { recording: "The recording is larger than 50 MB." } } }, { status: 413 });
    }
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return badRequest("The body is not valid multipart/form-data.", { form: "The body is not valid multipart/form-data." });
    }
    const call = form.get("call");
    const parsed = typeof call === "string" ? parseJson(call) : { ok: false as const };
    if (!parsed.ok) return badRequest("Send the report as JSON in the `call` field.", { call: "Send the report as JSON in this field." });
    report = parsed.value;
    const file = form.get("recording");
    if (file !== null && typeof file === "string") return badRequest("Send the recording as a file.", { recording: "Send the recording as a file." });
    if (file) recording = { body: new Uint8Array(await file.arrayBuffer()) };
  } else {
    return Response.json({ error: { code: "unsupported_media_type", message: "Send application/json, or multipart/form-data with a recording.", fields: {} } }, { status: 415 });
  }

  const result = await ingestCall({ report, recording });
  return Response.json({ call: result.call }, { status: result.created ? 201 : 200 });
});
