import "server-only";
import type { z } from "zod";
import { getCallPreferences } from "@/db/queries/call-preferences";
import { lockCallRequest, markCallRequestCompleted } from "@/db/queries/call-requests";
import { findAgentIds, findCustomerAccounts, getCallByPlatformId, getReportedCall, lockPlatformCallId, type ReportedCall } from "@/db/queries/call-ingest";
import { insertCalls } from "@/db/queries/call-writes";
import { insertStoredFile } from "@/db/queries/files";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import { notify } from "@/lib/notifications/service";
import { deleteStoredBytes, StorageRejection } from "@/lib/storage";
import { callReportSchema, type CallReport } from "@/lib/validations/call-platform";
import { storeRecording } from "./recordings";
import { afterCallsWritten } from "./written";

/**
 * Why a report (or a CSV row) is refused: the HTTP status, and per field a key of
 * `callImport.reasons`. Thrown inside the transaction, so nothing of the report is written.
 */
export class CallReportRefusal extends Error {
  constructor(
    readonly status: 400 | 413 | 415 | 422,
    readonly fields: Record<string, string>,
  ) {
    super(`The call report was refused: ${Object.entries(fields).map(([field, reason]) => `${field} (${reason})`).join(", ")}`);
  }
}

/** Each field's first problem, by the field's path ("startedAt", or "form" for the body as a whole). */
export function fieldReasons(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.length > 0 ? issue.path.join(".") : "form"] ??= issue.message;
  return fields;
}

export type IngestResult = { created: boolean; call: ReportedCall };
export type RecordingUpload = { body: Uint8Array | ReadableStream<Uint8Array> };

/**
 * Stores a finished call the call platform reports, once per platform call id (a repeat returns the
 * stored call), with its optional recording. The call, its statistics, the request it fulfils and
 * everyone it concerns are written or told in one transaction.
 */
export async function ingestCall(input: { report: unknown; recording?: RecordingUpload | null }, db?: Transaction): Promise<IngestResult> {
  const parsed = callReportSchema.safeParse(input.report);
  if (!parsed.success) throw new CallReportRefusal(400, fieldReasons(parsed.error));
  const report = parsed.data;

  const stored = await getCallByPlatformId(report.platformCallId, db);
  if (stored) return { created: false, call: stored };
  if (input.recording && !(await getCallPreferences(report.accountId, db)).recordingConsent) {
    throw new CallReportRefusal(422, { recording: "recordingWithoutConsent" });
  }

  let recording: Awaited<ReturnType<typeof storeRecording>> | null = null;
  if (input.recording) {
    try {
      recording = await storeRecording(input.recording.body);
    } catch (error) {
      if (error instanceof StorageRejection) throw new CallReportRefusal(error.reason === "too_large" ? 413 : 415, { recording: error.reason === "too_large" ? "recordingTooLarge" : "recordingType" });
      throw error;
    }
    if (recording.sizeBytes === 0) {
      await deleteStoredBytes(recording.storageKey);
      throw new CallReportRefusal(422, { recording: "recordingEmpty" });
    }
  }

  try {
    const result = await inTransaction((tx) => writeReportedCall(report, recording, tx), db);
    // A repeat that raced this one's check: its call stands, these bytes are not needed.
    if (!result.created && recording) await deleteStoredBytes(recording.storageKey);
    return result;
  } catch (error) {
    if (recording) await deleteStoredBytes(recording.storageKey);
    throw error;
  }
}

async function writeReportedCall(report: CallReport, recording: { storageKey: string; contentType: string; sizeBytes: number } | null, tx: Transaction): Promise<IngestResult> {
  await lockPlatformCallId(report.platformCallId, tx);
  const repeat = await getCallByPlatformId(report.platformCallId, tx);
  if (repeat) return { created: false, call: repeat };

  const accountName = (await findCustomerAccounts([report.accountId], tx)).get(report.accountId);
  if (accountName === undefined) throw new CallReportRefusal(422, { accountId: "accountNotFound" });
  if (report.agentId && !(await findAgentIds([report.agentId], tx)).has(report.agentId)) throw new CallReportRefusal(422, { agentId: "agentNotFound" });

  let recordingFileId: string | null = null;
  if (recording) {
    // Checked again under a lock: consent withdrawn while the bytes were uploading wins.
    if (!(await getCallPreferences(report.accountId, tx, { lock: true })).recordingConsent) throw new CallReportRefusal(422, { recording: "recordingWithoutConsent" });
    recordingFileId = (await insertStoredFile({ ...recording, fileName: `call-recording.${recording.storageKey.split(".").pop()}`, purpose: "call_recording", ownerUserId: null, accountId: report.accountId }, tx)).id;
  }

  const request = report.callRequestId ? await lockCallRequest(report.accountId, report.callRequestId, tx) : null;
  if (report.callRequestId && (!request || (request.status !== "pending" && request.status !== "claimed"))) {
    throw new CallReportRefusal(422, { callRequestId: "callRequestNotOpen" });
  }

  const [inserted] = await insertCalls([{ ...report, recordingFileId }], tx);
  const call = (await getReportedCall(inserted!.id, tx))!;

  if (request) {
    await markCallRequestCompleted(request.id, tx);
    if (request.requestedById) await notify(request.requestedById, { type: "callRequest.completed", params: { number: request.toNumber }, link: `/dashboard/calls/${call.id}` }, tx);
  }
  await afterCallsWritten([report.accountId], tx, [{ account: accountName, satisfaction: report.satisfaction, summary: report.summary }]);
  return { created: true, call };
}
