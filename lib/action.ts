import "server-only";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { SessionUser } from "@/db/queries/sessions";
import type { ActionState } from "@/lib/action-state";
import { requestInfoFrom, type RequestInfo } from "@/lib/request-info";
import { getSessionUser } from "@/lib/session";

type Context = { info: RequestInfo };

function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !key.startsWith("$ACTION") && !/password/i.test(key)) values[key] = value;
  }
  return values;
}

async function validate<S extends z.ZodType>(schema: S, formData: FormData) {
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (parsed.success) return { data: parsed.data as z.infer<S> };
  const t = await getTranslations("validation");
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] ??= t.has(issue.message) ? t(issue.message) : t("invalid");
  }
  return { fieldErrors };
}

async function context(): Promise<Context> {
  return { info: requestInfoFrom(await headers()) };
}

/** For signed-out forms (sign-in, sign-up, reset): validate, then act. */
export function publicAction<S extends z.ZodType>(
  schema: S,
  handler: (data: z.infer<S>, context: Context) => Promise<ActionState>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const values = submittedValues(formData);
    const { data, fieldErrors } = await validate(schema, formData);
    if (fieldErrors) return { ok: false, fieldErrors, values };
    return { values, ...(await handler(data, await context())) };
  };
}

function guardedAction<S extends z.ZodType>(
  role: "customer" | "admin",
  schema: S,
  handler: (data: z.infer<S>, user: SessionUser, context: Context) => Promise<ActionState>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const values = submittedValues(formData);
    const user = await getSessionUser();
    if (!user || (role === "admin" && user.role !== "admin")) {
      const t = await getTranslations("errors");
      return { ok: false, message: t(user ? "forbidden" : "signedOut"), values };
    }
    const { data, fieldErrors } = await validate(schema, formData);
    if (fieldErrors) return { ok: false, fieldErrors, values };
    return { values, ...(await handler(data, user, await context())) };
  };
}

/** Authenticate, validate, then act; the handler still checks ownership of every id it receives. */
export function authedAction<S extends z.ZodType>(
  schema: S,
  handler: (data: z.infer<S>, user: SessionUser, context: Context) => Promise<ActionState>,
) {
  return guardedAction("customer", schema, handler);
}

export function adminAction<S extends z.ZodType>(
  schema: S,
  handler: (data: z.infer<S>, admin: SessionUser, context: Context) => Promise<ActionState>,
) {
  return guardedAction("admin", schema, handler);
}
