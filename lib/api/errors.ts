import { z } from "zod";
import { englishMessage } from "./english";

/** The one error object every API answer uses: a code for programs, a message for people, and per-field reasons. */
export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "Stable, machine-readable: bad_request, unauthorized, forbidden, not_found, conflict, rate_limited, …", example: "not_found" }),
      message: z.string().meta({ description: "What went wrong, in English.", example: "There is no such invoice." }),
      fields: z.record(z.string(), z.string()).meta({ description: "Per input field (dotted path), why it was refused.", example: {} }),
    }),
  })
  .meta({ id: "Error" });

export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** An answer the API gives on purpose: its status and the error object. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function apiErrorResponse(status: number, code: string, message: string, fields: Record<string, string> = {}, headers: Record<string, string> = {}): Response {
  return Response.json({ error: { code, message, fields } } satisfies ApiErrorBody, { status, headers });
}

/** Zod issues as `fields`: the first reason per dotted path ("form" when the whole input is wrong), in English. */
export function fieldsFromZod(error: z.ZodError, prefix = ""): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "form";
    // The shared validations speak in message keys (the forms translate them): the API answers in English.
    fields[path] ??= englishMessage(issue.message);
  }
  return fields;
}
