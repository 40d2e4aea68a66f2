import "server-only";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { SessionUser } from "@/db/queries/sessions";
import { isStaff } from "@/lib/actor";
import type { ActionState } from "@/lib/action-state";
import { AppError } from "@/lib/errors";
import { reportActionStarted } from "@/lib/request-context";
import { requestInfoFrom, type RequestInfo } from "@/lib/request-info";
import { getSessionUser, STAFF_TWO_FACTOR_PATH } from "@/lib/session";
import { containsNul } from "@/lib/validations/text";

type Context = { info: RequestInfo };

/** No form of ours sends more than this in one field; anything longer is refused before parsing. */
const MAX_FIELD_LENGTH = 10_000;

function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !key.startsWith("$ACTION") && !/password/i.test(key) && value.length <= MAX_FIELD_LENGTH) values[key] = value;
  }
  return values;
}

async function validate<S extends z.ZodType>(schema: S, formData: FormData) {
  const [t, root] = await Promise.all([getTranslations("validation"), getTranslations()]);
  const fieldErrors: Record<string, string> = {};
  // A key sent more than once (a list of hidden inputs) arrives as a list; schemas of single fields refuse one.
  const fields: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && value.length > MAX_FIELD_LENGTH) fieldErrors[key] = t("tooLong");
    else if (typeof value === "string" && containsNul(value)) fieldErrors[key] = t("nulCharacter");
    const earlier = fields[key];
    fields[key] = earlier === undefined ? value : Array.isArray(earlier) ? [...earlier, value] : [earlier, value];
  }
  if (Object.keys(fieldErrors).length > 0) return { fieldErrors };
  const parsed = schema.safeParse(fields);
  if (parsed.success) return { data: parsed.data as z.infer<S> };
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    // A message is a key of `validation`, or a full key ("adminPlans.validation.priceInvalid") of a feature's own namespace.
    fieldErrors[field] ??= t.has(issue.message) ? t(issue.message) : root.has(issue.message) ? root(issue.message) : t("invalid");
  }
  return { fieldErrors };
}

async function context(): Promise<Context> {
  return { info: requestInfoFrom(await headers()) };
}

/** A call that no form of ours makes (arguments that are not a form): a state, never a 500. */
async function malformedCall(): Promise<ActionState> {
  const t = await getTranslations("validation");
  return { ok: false, message: t("malformed") };
}

/** A service's refusal (an AppError) becomes the form's message; anything else is a real failure. */
async function run(handler: () => Promise<ActionState>): Promise<ActionState> {
  try {
    return await handler();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const t = await getTranslations("errors");
    const message = t.has(error.code) ? t(error.code) : error.message;
    // Every form with attachments names its picker `attachmentIds`: the refusal belongs next to it.
    if (error.code === "invalid_attachments") return { ok: false, fieldErrors: { attachmentIds: message } };
    return { ok: false, message };
  }
}

/** For signed-out forms (sign-in, sign-up, reset): validate, then act. */
export function publicAction<S extends z.ZodType>(
  schema: S,
  handler: (data: z.infer<S>, context: Context) => Promise<ActionState>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    reportActionStarted();
    if (!(formData instanceof FormData)) return malformedCall();
    const values = submittedValues(formData);
    const { data, fieldErrors } = await validate(schema, formData);
    if (fieldErrors) return { ok: false, fieldErrors, values };
    const ctx = await context();
    return { values, ...(await run(() => handler(data, ctx))) };
  };
}

function guardedAction<S extends z.ZodType>(
  role: "customer" | "admin",
  schema: S,
  handler: (data: z.infer<S>, user: SessionUser, context: Context) => Promise<ActionState>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    reportActionStarted();
    const user = await getSessionUser();
    if (!user || (role === "admin" && user.role !== "admin")) {
      const t = await getTranslations("errors");
      return { ok: false, message: t(user ? "forbidden" : "signedOut") };
    }
    if (role === "admin" && !isStaff(user)) {
      const t = await getTranslations("errors");
      return { ok: false, message: t("two_factor_required"), link: { href: STAFF_TWO_FACTOR_PATH, label: t("turnOnTwoFactor") } };
    }
    if (!(formData instanceof FormData)) return malformedCall();
    const values = submittedValues(formData);
    const { data, fieldErrors } = await validate(schema, formData);
    if (fieldErrors) return { ok: false, fieldErrors, values };
    const ctx = await context();
    return { values, ...(await run(() => handler(data, user, ctx))) };
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
