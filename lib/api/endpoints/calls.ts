import { z } from "zod";
import type { CallRequestRow } from "@/db/queries/call-requests";
import type { CallDetail, CallListRow } from "@/db/queries/calls";
import { agentKinds, CALL_NOTES_MAX, callDirections, callRequestStatuses, callStatuses } from "@/lib/constants";
import en from "@/lib/i18n/messages/en.json";
import { callFilterSchemas as filter, CALL_RANGE_MESSAGE } from "@/lib/validations/call-history";
import { e164PhoneNumber } from "@/lib/validations/phone";
import { defineEndpoint } from "../endpoint";
import { pageOf, pageQuery } from "../pagination";
import { idParams } from "../route";

const instant = () => z.iso.datetime({ offset: true });

const money = z.object({
  amount: z.int().meta({ description: "In the currency's minor unit (cents).", example: 42 }),
  currency: z.string().meta({ description: "ISO 4217, lower case.", example: "usd" }),
});

/** What the list and a call share. */
const callFields = {
  id: z.uuid(),
  startedAt: instant(),
  direction: z.enum(callDirections),
  status: z.enum(callStatuses),
  fromNumber: z.string().meta({ example: "+4930123456" }),
  toNumber: z.string().meta({ example: "+15550199" }),
  durationSeconds: z.int().min(0).meta({ example: 95 }),
  satisfaction: z.int().min(1).max(5).nullable().meta({ description: "The caller's rating, 1–5; null when not rated." }),
  cost: money,
};

export const callListItemSchema = z
  .object({
    ...callFields,
    agent: z.object({ id: z.uuid(), name: z.string() }).nullable().meta({ description: "Who took or made the call; null without an agent." }),
    hasRecording: z.boolean().meta({ description: "Whether `GET /calls/{id}/recording` has audio." }),
  })
  .meta({ id: "CallListItem" });

export const callSchema = z
  .object({
    ...callFields,
    agent: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(agentKinds) }).nullable(),
    summary: z.string().nullable(),
    transcript: z.string().nullable(),
    platformCallId: z.string().nullable().meta({ description: "The call platform's own id of the call." }),
    createdAt: instant(),
    recording: z
      .object({
        contentType: z.string().meta({ example: "audio/mpeg" }),
        sizeBytes: z.int().min(0),
        fileName: z.string(),
        url: z.string().meta({ description: "Where to fetch the audio with this token (Range supported).", example: "/api/v1/calls/7d0c…/recording" }),
      })
      .nullable()
      .meta({ description: "null when the call was not recorded." }),
  })
  .meta({ id: "Call" });

export const callStatisticsSchema = z
  .object({
    total: z.int().min(0).meta({ description: "All calls of the account." }),
    thisMonth: z.int().min(0).meta({ description: "Calls this calendar month, in the user's timezone." }),
    successRate: z.number().min(0).max(1).nullable().meta({ description: "Completed calls as a share of all calls; null without calls." }),
    averageDuration: z.number().min(0).nullable().meta({ description: "Seconds, over completed calls." }),
    averageSatisfaction: z.number().min(1).max(5).nullable().meta({ description: "Over rated calls." }),
    days: z.array(z.object({ day: z.iso.date(), calls: z.int().min(0) })).meta({ description: "The last 30 days in the user's timezone, oldest first, today last." }),
  })
  .meta({ id: "CallStatistics" });

export const callRequestSchema = z
  .object({
    id: z.uuid(),
    toNumber: z.string().meta({ example: "+4930123456" }),
    agentName: z.string().nullable().meta({ description: "The agent asked for; null: any available agent." }),
    scheduledFor: instant().nullable().meta({ description: "When to call; null: as soon as possible." }),
    notes: z.string(),
    status: z.enum(callRequestStatuses).meta({ description: "pending until the call platform takes it (claimed), then completed; a pending one can be cancelled." }),
    requestedBy: z.string().nullable().meta({ description: "The member who asked; null for a former member." }),
    createdAt: instant(),
    completedAt: instant().nullable(),
    callId: z.uuid().nullable().meta({ description: "The call the request became, once made." }),
  })
  .meta({ id: "CallRequest" });

const requestMessages = en.callRequests.validation;

/** "Request a call" as the form takes it, but the time as an instant rather than the user's wall clock. */
export const newCallRequestSchema = z
  .object({
    toNumber: e164PhoneNumber({ required: requestMessages.numberRequired, invalid: requestMessages.numberInvalid }).meta({ description: "With country code; spaces and dashes are ignored.", example: "+49 30 1234567" }),
    agentId: z.uuid(requestMessages.agentInvalid).nullable().default(null).meta({ description: "One of the agents assigned to the account; null or absent: any available agent." }),
    scheduledFor: instant()
      .nullable()
      .default(null)
      .meta({ description: "When to call (ISO 8601 with offset); null or absent: as soon as possible.", example: "2026-12-01T09:30:00+01:00" }),
    notes: z.string(requestMessages.notesTooLong).trim().max(CALL_NOTES_MAX, requestMessages.notesTooLong).default("").meta({ description: `For the agent, at most ${CALL_NOTES_MAX} characters.` }),
  })
  .meta({ id: "NewCallRequest" });

/** The history's filters with the page's names and messages; an empty value is refused rather than ignored. */
export const callListQuerySchema = z
  .object({
    status: filter.status.optional().meta({ description: "Only calls with this outcome." }),
    direction: filter.direction.optional().meta({ description: "Only inbound or only outbound calls." }),
    agent: filter.agent.optional().meta({ description: "An agent's id." }),
    from: filter.from.optional().meta({ format: "date", description: "The first day (YYYY-MM-DD) in the user's timezone.", example: "2026-11-01" }),
    to: filter.to.optional().meta({ format: "date", description: "The last day (YYYY-MM-DD, inclusive) in the user's timezone.", example: "2026-11-30" }),
    q: filter.q.optional().meta({ description: "Part of a phone number or of the summary." }),
    sort: filter.sort.default("startedAt").meta({ description: "What the list is ordered by (the id breaks ties)." }),
    order: filter.order.default("desc"),
    ...pageQuery.shape,
  })
  .refine((query) => !(query.from && query.to && query.to < query.from), { message: CALL_RANGE_MESSAGE, path: ["to"] });

export const callEndpoints = {
  list: defineEndpoint({
    method: "GET",
    path: "/calls",
    operationId: "listCalls",
    tag: "Calls",
    summary: "List calls",
    description:
      "The account's call history with the filters and sort of the Calls page. `from` and `to` are days in the user's timezone (profile settings). A cursor belongs to its sort: with another `sort`, or altered, it is refused (400).",
    scope: "calls:read",
    query: callListQuerySchema,
    responses: { 200: { description: "A page of calls.", schema: pageOf(callListItemSchema, "CallPage") } },
  }),
  stats: defineEndpoint({
    method: "GET",
    path: "/calls/stats",
    operationId: "getCallStatistics",
    tag: "Calls",
    summary: "Call statistics",
    description: "The figures of the Calls page and the overview: all-time totals, this month, and calls per day over the last 30 days in the user's timezone.",
    scope: "calls:read",
    etag: true,
    responses: { 200: { description: "The statistics.", schema: callStatisticsSchema } },
  }),
  get: defineEndpoint({
    method: "GET",
    path: "/calls/{id}",
    operationId: "getCall",
    tag: "Calls",
    summary: "Get a call",
    description: "A call with its summary, transcript, agent and recording details, as its page shows it.",
    scope: "calls:read",
    params: idParams,
    etag: true,
    responses: { 200: { description: "The call.", schema: callSchema }, 404: { description: "No such call in the account." } },
  }),
  recording: defineEndpoint({
    method: "GET",
    path: "/calls/{id}/recording",
    operationId: "getCallRecording",
    tag: "Calls",
    summary: "Download a call's recording",
    description: "The audio as recorded. Send `Range: bytes=…` for a part (206 with Content-Range); a range past the end is 416. An ETag and If-None-Match (304) save a download.",
    scope: "calls:read",
    params: idParams,
    responses: {
      200: { description: "The whole recording.", contentType: "audio/*" },
      206: { description: "The requested range of the recording.", contentType: "audio/*" },
      304: { description: "Unchanged since the ETag sent in If-None-Match." },
      404: { description: "No such call in the account, or the call has no recording." },
      416: { description: "The range is outside the recording; Content-Range names its size." },
    },
  }),
  listRequests: defineEndpoint({
    method: "GET",
    path: "/calls/requests",
    operationId: "listCallRequests",
    tag: "Calls",
    summary: "List call requests",
    description: "The account's requests for outbound calls, newest first, with where each stands.",
    scope: "calls:read",
    query: pageQuery,
    responses: { 200: { description: "A page of call requests.", schema: pageOf(callRequestSchema, "CallRequestPage") } },
  }),
  createRequest: defineEndpoint({
    method: "POST",
    path: "/calls/requests",
    operationId: "createCallRequest",
    tag: "Calls",
    summary: "Request a call",
    description: "Asks for an outbound call, as the \"Start a call\" page does; the call platform makes it and it shows up in the history. Send an Idempotency-Key to retry safely.",
    scope: "calls:write",
    body: newCallRequestSchema,
    idempotent: true,
    responses: { 201: { description: "The request, pending.", schema: callRequestSchema } },
    examples: { 201: { id: "0b5d1c9e-2f7a-4c1e-9d3b-6a8f2e4c7b10", toNumber: "+4930123456", agentName: null, scheduledFor: null, notes: "", status: "pending", requestedBy: "Ada Lovelace", createdAt: "2026-11-26T10:00:00.000Z", completedAt: null, callId: null } },
  }),
  cancelRequest: defineEndpoint({
    method: "POST",
    path: "/calls/requests/{id}/cancel",
    operationId: "cancelCallRequest",
    tag: "Calls",
    summary: "Cancel a call request",
    description: "Withdraws a request the call platform has not taken yet.",
    scope: "calls:write",
    params: idParams,
    responses: { 200: { description: "The request, cancelled.", schema: callRequestSchema }, 404: { description: "No such request in the account, or it is no longer pending." } },
  }),
};

// ---- Rows as the API shows them ------------------------------------------------------------------

export function apiCallListItem(row: CallListRow): z.input<typeof callListItemSchema> {
  return {
    id: row.id,
    startedAt: row.startedAt.toISOString(),
    direction: row.direction,
    status: row.status,
    fromNumber: row.fromNumber,
    toNumber: row.toNumber,
    durationSeconds: row.durationSeconds,
    satisfaction: row.satisfaction,
    cost: { amount: row.cost, currency: row.currency },
    agent: row.agentId ? { id: row.agentId, name: row.agentName ?? "" } : null,
    hasRecording: row.hasRecording,
  };
}

export function apiCall(call: CallDetail): z.input<typeof callSchema> {
  return {
    id: call.id,
    startedAt: call.startedAt.toISOString(),
    direction: call.direction,
    status: call.status,
    fromNumber: call.fromNumber,
    toNumber: call.toNumber,
    durationSeconds: call.durationSeconds,
    satisfaction: call.satisfaction,
    cost: { amount: call.cost, currency: call.currency },
    agent: call.agentId ? { id: call.agentId, name: call.agentName ?? "", kind: call.agentKind ?? "human" } : null,
    summary: call.summary,
    transcript: call.transcript,
    platformCallId: call.platformCallId,
    createdAt: call.createdAt.toISOString(),
    // The storage key stays on the server: the URL is the way to the bytes.
    recording: call.recording ? { contentType: call.recording.contentType, sizeBytes: call.recording.sizeBytes, fileName: call.recording.fileName, url: `/api/v1/calls/${call.id}/recording` } : null,
  };
}

export function apiCallRequest(row: CallRequestRow): z.input<typeof callRequestSchema> {
  return {
    id: row.id,
    toNumber: row.toNumber,
    agentName: row.agentName,
    scheduledFor: row.scheduledFor?.toISOString() ?? null,
    notes: row.notes,
    status: row.status,
    requestedBy: row.requestedBy,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    callId: row.callId,
  };
}
