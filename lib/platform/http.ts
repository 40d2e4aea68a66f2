import "server-only";
import { createTranslator, type AbstractIntlMessages } from "use-intl/core";
import { CallReportRefusal } from "@/lib/calls/ingest";
import { AppError } from "@/lib/errors";
import { loadMessages } from "@/lib/i18n/config";
import { authenticatePlatformKey } from "./keys";

/** The platform's answers are in English: it is a machine, and its operators read the API reference. */
async function reasonTranslator(): Promise<(reason: string) => string> {
  const messages = await loadMessages("en");
  const t = createTranslator({ locale: "en", messages: messages as AbstractIntlMessages, namespace: "callImport.reasons" });
  return (reason) => (t.has(reason as never) ? t(reason as never) : t("invalid" as never));
}

/** `{ error: { code, message, fields } }`, each field's reason in words. */
export async function refusalResponse(refusal: CallReportRefusal): Promise<Response> {
  const reason = await reasonTranslator();
  const fields = Object.fromEntries(Object.entries(refusal.fields).map(([field, key]) => [field, reason(key)]));
  const code = refusal.status === 400 ? "bad_request" : refusal.status === 413 ? "too_large" : refusal.status === 415 ? "unsupported_type" : "unprocessable";
  const message = refusal.status === 400 ? "The request is not valid: see `fields`." : Object.values(fields)[0]!;
  return Response.json({ error: { code, message, fields } }, { status: refusal.status });
}

export function badRequest(message: string, fields: Record<string, string> = {}): Response {
  return Response.json({ error: { code: "bad_request", message, fields } }, { status: 400 });
}

/**
 * A route of the call platform's API: the bearer key is checked first, then `handler` runs. A
 * refusal becomes its 4xx JSON; anything else is a real failure (logged, 500).
 */
export function platformRoute<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      await authenticatePlatformKey(request.headers.get("authorization"));
      return await handler(request, context);
    } catch (error) {
      if (error instanceof CallReportRefusal) return refusalResponse(error);
      if (!(error instanceof AppError)) throw error;
      const response = Response.json({ error: { code: error.code, message: error.message, fields: {} } }, { status: error.status });
      if (error.code === "unauthorized") response.headers.set("WWW-Authenticate", 'Bearer realm="clientdesk-platform"');
      return response;
    }
  };
}
