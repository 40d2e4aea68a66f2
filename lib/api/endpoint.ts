import type { z } from "zod";
import type { ApiScope } from "@/lib/constants";

export type ApiMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** One documented answer: JSON described by `schema`, or another media type (a PDF, a ZIP, audio). */
export type ApiResponseSpec = { description: string; schema?: z.ZodType; contentType?: string };

/**
 * One endpoint of the JSON API, declared once: the route handler validates with these schemas and
 * the OpenAPI document is generated from them, so the two cannot disagree.
 */
export type ApiEndpoint = {
  method: ApiMethod;
  /** The OpenAPI path below /api/v1, e.g. "/invoices/{id}". */
  path: string;
  operationId: string;
  /** The reference page's section, e.g. "Invoices". */
  tag: string;
  summary: string;
  description?: string;
  /** The scope a token needs; null: any live token (e.g. describing the token itself). */
  scope: ApiScope | null;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** A JSON body (`application/json`), or a multipart form's fields when `multipart` is set. */
  body?: z.ZodType;
  /** The body is multipart/form-data: `body` describes its text fields, `files` names its file field. */
  multipart?: { files: string };
  /** Documented answers besides the errors every endpoint shares (401, 403, 429, 400 where there is input). */
  responses: Record<number, ApiResponseSpec>;
  /** A POST that creates or pays: an `Idempotency-Key` header makes a retry answer the first result. */
  idempotent?: boolean;
  /** A GET whose JSON answer carries an ETag; `If-None-Match` gets 304. */
  etag?: boolean;
  /** Example values for the reference page, keyed by status. */
  examples?: Record<number, unknown>;
};

export function defineEndpoint<const E extends ApiEndpoint>(endpoint: E): E {
  return endpoint;
}
