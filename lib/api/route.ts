import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { isDatabaseUnavailable } from "@/db/errors";
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from "@/db/queries/api-idempotency";
import { consumeRateLimit } from "@/db/queries/rate-limits";
import { API_RATE_LIMIT, API_RATE_LIMIT_WINDOW_SECONDS, ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_FILES } from "@/lib/constants";
import { AppError, describeError } from "@/lib/errors";
import type { ApiEndpoint } from "./endpoint";
import { ApiError, apiErrorResponse, fieldsFromZod } from "./errors";
import { allowsScope, authenticateApiToken, type ApiCaller } from "./tokens";

/** What a handler gets: who calls, and its input already validated by the endpoint's schemas. */
export type ApiContext<E extends ApiEndpoint> = {
  caller: ApiCaller;
  request: Request;
  params: E["params"] extends z.ZodType ? z.output<E["params"]> : Record<string, never>;
  query: E["query"] extends z.ZodType ? z.output<E["query"]> : Record<string, never>;
  body: E["body"] extends z.ZodType ? z.output<E["body"]> : undefined;
  /** The multipart body's files (`endpoint.multipart.files`), when the endpoint takes a form. */
  files: File[];
};

/** A JSON answer: `status` defaults to 200 (201 for a POST that says so). A Response is sent as it is. */
export type ApiResult = { status?: number; body: unknown; headers?: Record<string, string> } | Response;

const MAX_JSON_BYTES = 1024 * 1024;
/** A form with files may carry the message form's files at their largest, and its fields. */
const MAX_MULTIPART_BYTES = ATTACHMENT_MAX_FILES * ATTACHMENT_MAX_BYTES + MAX_JSON_BYTES;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

function rateLimitHeaders(limit: number, remaining: number, resetSeconds: number): Record<string, string> {
  return {
    "RateLimit-Limit": String(limit),
    "RateLimit-Remaining": String(Math.max(0, remaining)),
    "RateLimit-Reset": String(resetSeconds),
    "RateLimit-Policy": `${limit};w=${API_RATE_LIMIT_WINDOW_SECONDS}`,
  };
}

function parseWith<S extends z.ZodType | undefined>(schema: S, value: unknown, where: string): unknown {
  if (!schema) return {};
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError(400, "bad_request", `The request's ${where} is not valid: see \`fields\`.`, fieldsFromZod(parsed.error));
  return parsed.data;
}

/** Query parameters as an object; a repeated one (`?status=a&status=b`) becomes an array. */
function queryObject(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length > 1 ? values : values[0]!;
  }
  return query;
}

function mediaTypeOf(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * The request's body, read no further than its limit (1 MB of JSON, or a form's files at their
 * largest): a larger one is refused with 413 before it fills the memory.
 */
async function readRaw(endpoint: ApiEndpoint, request: Request): Promise<Uint8Array> {
  if (!endpoint.body || !request.body) return new Uint8Array();
  const max = endpoint.multipart && mediaTypeOf(request) === "multipart/form-data" ? MAX_MULTIPART_BYTES : MAX_JSON_BYTES;
  const tooLarge = () => new ApiError(413, "too_large", `The body is larger than ${max / (1024 * 1024)} MB.`);
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > max) throw tooLarge();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** A multipart body as a form, or null when it is not one (readBody then refuses it). */
async function formOf(endpoint: ApiEndpoint, request: Request, raw: Uint8Array): Promise<FormData | null> {
  if (!endpoint.multipart || mediaTypeOf(request) !== "multipart/form-data") return null;
  try {
    return await new Request(request.url, { method: "POST", headers: request.headers, body: raw as BodyInit }).formData();
  } catch {
    return null;
  }
}

/**
 * What makes two requests the same for an Idempotency-Key: the bytes of a JSON body; for a form,
 * its fields and files in order, since a client picks a new multipart boundary for each retry.
 */
async function requestHashOf(raw: Uint8Array, form: FormData | null): Promise<string> {
  if (!form) return createHash("sha256").update(raw).digest("hex");
  const entries = await Promise.all(
    [...form.entries()].map(async ([name, value]) =>
      typeof value === "string" ? [name, value] : [name, value.name, value.type, createHash("sha256").update(new Uint8Array(await value.arrayBuffer())).digest("hex")],
    ),
  );
  return createHash("sha256").update(JSON.stringify(entries)).digest("hex");
}

async function readBody(endpoint: ApiEndpoint, request: Request, raw: Uint8Array, form: FormData | null): Promise<{ body: unknown; files: File[] }> {
  if (!endpoint.body) return { body: undefined, files: [] };
  const type = mediaTypeOf(request);
  if (endpoint.multipart) {
    if (type === "multipart/form-data") {
      if (!form) throw new ApiError(400, "bad_request", "The body is not valid multipart/form-data.", { form: "The body is not valid multipart/form-data." });
      const fields: Record<string, string> = {};
      const files: File[] = [];
      for (const [name, value] of form.entries()) {
        if (typeof value === "string") fields[name] = value;
        else if (name === endpoint.multipart.files) files.push(value);
        else throw new ApiError(400, "bad_request", `Send files in \`${endpoint.multipart.files}\` only.`, { [name]: "Not a file field." });
      }
      return { body: parseWith(endpoint.body, fields, "body"), files };
    }
    if (type !== "application/json") throw new ApiError(415, "unsupported_media_type", "Send application/json, or multipart/form-data with files.");
  } else if (type !== "application/json") {
    throw new ApiError(415, "unsupported_media_type", "Send the body as application/json.");
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(raw));
  } catch {
    throw new ApiError(400, "bad_request", "The body is not valid JSON.", { form: "The body is not valid JSON." });
  }
  return { body: parseWith(endpoint.body, value, "body"), files: [] };
}

function errorResponse(error: unknown, headers: Record<string, string>): Response {
  if (error instanceof ApiError) return apiErrorResponse(error.status, error.code, error.message, error.fields, { ...headers, ...error.headers });
  if (error instanceof AppError && error.code !== "internal") {
    const response = apiErrorResponse(error.status, error.code, error.message, {}, headers);
    if (error.code === "unauthorized") response.headers.set("WWW-Authenticate", 'Bearer realm="clientdesk-api"');
    return response;
  }
  if (isDatabaseUnavailable(error)) {
    console.error(`[api] database unavailable: ${describeError(error)}`);
    return apiErrorResponse(503, "unavailable", "The service is briefly unavailable; try again shortly.", {}, { ...headers, "Retry-After": "5" });
  }
  console.error(`[api] ${describeError(error)}`, error);
  return apiErrorResponse(500, "internal", "Something went wrong on our side.", {}, headers);
}

function jsonResponse(result: Exclude<ApiResult, Response>, defaultStatus: number, headers: Record<string, string>): { response: Response; text: string; status: number } {
  const text = JSON.stringify(result.body);
  const status = result.status ?? defaultStatus;
  return { response: new Response(text, { status, headers: { "content-type": "application/json", ...headers, ...result.headers } }), text, status };
}

/** A weak ETag of a JSON answer: the same data gives the same tag, whoever asks. */
function etagOf(text: string): string {
  return `W/"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
}

function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((candidate) => {
    const tag = candidate.trim();
    return tag === "*" || tag.replace(/^W\//, "") === etag.replace(/^W\//, "");
  });
}

/**
 * A route handler of the JSON API for `endpoint`: the token is checked and counted against its rate
 * limit, its scope enforced, params, query and body validated, then `handler` runs. Every refusal is
 * the one error object; GETs declared with `etag` answer 304 to a matching If-None-Match; POSTs
 * declared `idempotent` answer a repeated Idempotency-Key with the first result.
 */
export function apiRoute<E extends ApiEndpoint>(endpoint: E, handler: (context: ApiContext<E>) => Promise<ApiResult>) {
  const route = async (request: Request, context: { params: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    let headers: Record<string, string> = { "Cache-Control": "private, no-store" };
    try {
      const caller = await authenticateApiToken(request.headers.get("authorization"));
      const limit = await consumeRateLimit([{ key: `api:${caller.tokenId}`, limit: API_RATE_LIMIT, windowSeconds: API_RATE_LIMIT_WINDOW_SECONDS }]);
      const key = `api:${caller.tokenId}`;
      headers = { ...headers, ...rateLimitHeaders(API_RATE_LIMIT, API_RATE_LIMIT - (limit.counts[key] ?? 0), limit.resetSeconds[key] ?? API_RATE_LIMIT_WINDOW_SECONDS) };
      if (!limit.allowed) {
        throw new ApiError(429, "rate_limited", `This token made more than ${API_RATE_LIMIT} requests in a minute; try again in ${limit.retryAfterSeconds} s.`, {}, { "Retry-After": String(limit.retryAfterSeconds) });
      }
      if (endpoint.scope && !allowsScope(caller.scopes, endpoint.scope)) {
        throw new ApiError(403, "insufficient_scope", `This token lacks the \`${endpoint.scope}\` scope.`);
      }

      const params = parseWith(endpoint.params, await (context?.params ?? Promise.resolve({})), "path");
      const query = parseWith(endpoint.query, queryObject(new URL(request.url)), "query");
      const raw = await readRaw(endpoint, request);
      const form = await formOf(endpoint, request, raw);

      const idempotencyKey = endpoint.idempotent ? request.headers.get("idempotency-key") : null;
      if (idempotencyKey !== null && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
        throw new ApiError(400, "bad_request", "Idempotency-Key must be 1–255 visible ASCII characters.", { "Idempotency-Key": "1–255 visible ASCII characters." });
      }
      const claim = idempotencyKey
        ? { tokenId: caller.tokenId, key: idempotencyKey, method: endpoint.method, path: new URL(request.url).pathname, requestHash: await requestHashOf(raw, form) }
        : null;
      if (claim) {
        const earlier = await claimIdempotencyKey(claim);
        if (earlier) {
          if (earlier.method !== claim.method || earlier.path !== claim.path || earlier.requestHash !== claim.requestHash) {
            throw new ApiError(422, "idempotency_key_reused", "This Idempotency-Key was used for a different request.");
          }
          if (earlier.responseStatus === null) throw new ApiError(409, "idempotency_in_progress", "A request with this Idempotency-Key is still being processed.");
          return new Response(earlier.responseBody, { status: earlier.responseStatus, headers: { "content-type": "application/json", ...headers, "Idempotent-Replayed": "true" } });
        }
      }

      try {
        const { body, files } = await readBody(endpoint, request, raw, form);
        const result = await handler({ caller, request, params, query, body, files } as ApiContext<E>);
        if (result instanceof Response) {
          for (const [name, value] of Object.entries(headers)) if (!result.headers.has(name)) result.headers.set(name, value);
          if (claim) await releaseIdempotencyKey(claim);
          return result;
        }
        const { response, text, status } = jsonResponse(result, endpoint.method === "POST" && endpoint.responses[201] ? 201 : 200, headers);
        if (claim) await completeIdempotencyKey({ ...claim, responseStatus: status, responseBody: text });
        if (endpoint.etag && endpoint.method === "GET" && status === 200) {
          const etag = etagOf(text);
          response.headers.set("ETag", etag);
          if (matchesEtag(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers: { ...headers, ETag: etag } });
        }
        return response;
      } catch (error) {
        // A refusal is the request's answer and is kept for the key; a failure lets the client retry.
        if (claim) {
          const refusal = error instanceof ApiError || (error instanceof AppError && error.code !== "internal");
          if (refusal) {
            const response = errorResponse(error, headers);
            await completeIdempotencyKey({ ...claim, responseStatus: response.status, responseBody: await response.clone().text() });
            return response;
          }
          await releaseIdempotencyKey(claim).catch(() => undefined);
        }
        throw error;
      }
    } catch (error) {
      return errorResponse(error, headers);
    }
  };
  // Lets the coverage test check that each route file serves its registry endpoint through this wrapper.
  return Object.assign(route, { apiEndpoint: endpoint });
}

/** The path parameter every `/{id}` endpoint takes: anything but a UUID is simply not found. */
export const idParams = z.object({ id: z.string().meta({ description: "The item's id (a UUID).", format: "uuid" }) });

/** A malformed id is a 404 like an unknown one: ids are not a field the caller filled in. */
export function assertUuid(id: string, what: string): string {
  if (!z.uuid().safeParse(id).success) throw new ApiError(404, "not_found", `There is no such ${what}.`);
  return id;
}
