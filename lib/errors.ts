export type AppErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "two_factor_required"
  | "not_found"
  | "invalid_attachments"
  | "rate_limited"
  | "unavailable"
  | "internal";

const statusByCode: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  two_factor_required: 403,
  not_found: 404,
  invalid_attachments: 400,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** An error whose message is safe to show; anything else becomes a generic 500. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
  }

  get status(): number {
    return statusByCode[this.code];
  }

  toResponse(): Response {
    return Response.json({ error: { code: this.code, message: this.message } }, { status: this.status });
  }
}

/**
 * A one-line reason for the server log. A failed query's own message carries its SQL and
 * parameters (session ids, emails); the driver's underlying cause is enough.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? describeError(error.cause) : error.message;
}
