import { expect } from "vitest";
import type { SessionUser } from "@/db/queries/sessions";
import type { ApiEndpoint } from "@/lib/api/endpoint";
import { apiErrorSchema } from "@/lib/api/errors";
import { issueApiToken } from "@/lib/api/tokens";
import { apiScopes, type ApiScope } from "@/lib/constants";

/** A live personal access token of `user` with `scopes` (every scope by default), as the Security page makes one but without its password check. */
export async function testApiToken(user: SessionUser, scopes: readonly ApiScope[] = apiScopes, expiresAt: Date | null = null): Promise<string> {
  const created = await issueApiToken(user, { name: "Test token", scopes: [...scopes], expiresAt }, { ip: null, userAgent: null });
  if (created.status !== "ok") throw new Error(`No token: ${created.status}`);
  return created.token;
}

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type ApiCall = {
  token: string | null;
  params?: Record<string, string>;
  query?: Record<string, string | string[]>;
  body?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
};

/**
 * Calls a route handler of `endpoint` as a client would, and checks the answer against the
 * endpoint's documented schema (or the error object): every API test is also a contract test.
 */
// Tests read whichever fields they assert on; the schema check below is what types the answer.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ApiJson = any;

export async function callApi(route: RouteHandler, endpoint: ApiEndpoint, call: ApiCall): Promise<{ response: Response; status: number; json: ApiJson }> {
  const params = call.params ?? {};
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
  const url = new URL(`http://localhost/api/v1${path}`);
  for (const [name, value] of Object.entries(call.query ?? {})) for (const one of [value].flat()) url.searchParams.append(name, one);
  const headers: Record<string, string> = { ...(call.token ? { authorization: `Bearer ${call.token}` } : {}), ...call.headers };
  let body: BodyInit | undefined;
  if (call.form) body = call.form;
  else if (call.body !== undefined) {
    body = JSON.stringify(call.body);
    headers["content-type"] ??= "application/json";
  }
  const response = await route(new Request(url, { method: endpoint.method, headers, body }), { params: Promise.resolve(params) });
  const type = response.headers.get("content-type") ?? "";
  let json: unknown = null;
  if (type.startsWith("application/json")) {
    json = await response.clone().json();
    const documented = endpoint.responses[response.status];
    const schema = response.status >= 400 ? apiErrorSchema : documented?.schema;
    expect(documented || response.status >= 400, `${endpoint.operationId} answered an undocumented ${response.status}`).toBeTruthy();
    if (schema) {
      const parsed = schema.safeParse(json);
      expect(parsed.success, `${endpoint.operationId} ${response.status} does not match its schema: ${parsed.error?.message}`).toBe(true);
    }
  }
  return { response, status: response.status, json };
}
