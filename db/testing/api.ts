import fs from "node:fs";
import path from "node:path";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import type { SessionUser } from "@/db/queries/sessions";
import type { ApiEndpoint } from "@/lib/api/endpoint";
import { apiErrorSchema } from "@/lib/api/errors";
import { buildOpenApiDocument, jsonPointer, type Json, type OpenApiDocument } from "@/lib/api/openapi";
import { apiEndpoints } from "@/lib/api/registry";
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

type Contract = { document: OpenApiDocument; ajv: Ajv2020; validators: Map<string, ValidateFunction> };
const contracts = new Map<ApiEndpoint | "registry", Contract>();

/** The generated document the endpoint is in: the registry's, or (for a test-only endpoint) one of its own. */
function contractFor(endpoint: ApiEndpoint): Contract {
  const key = apiEndpoints.includes(endpoint) ? "registry" : endpoint;
  let contract = contracts.get(key);
  if (!contract) {
    const document = buildOpenApiDocument(key === "registry" ? apiEndpoints : [endpoint]);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addFormat("binary", true);
    ajv.addSchema(document, "openapi");
    contract = { document, ajv, validators: new Map() };
    contracts.set(key, contract);
  }
  return contract;
}

/** The documented answer for `status` (following a shared response's $ref) and the JSON pointer to it. */
function documentedResponse(contract: Contract, endpoint: ApiEndpoint, status: number): { response: Json; pointer: string } | null {
  const operation = contract.document.paths[endpoint.path]?.[endpoint.method.toLowerCase()];
  expect(operation, `${endpoint.method} ${endpoint.path} is not in the OpenAPI document`).toBeTruthy();
  let pointer = jsonPointer("paths", endpoint.path, endpoint.method.toLowerCase(), "responses", String(status));
  let response = operation.responses[String(status)];
  if (!response && status >= 400) [pointer, response] = [jsonPointer("paths", endpoint.path, endpoint.method.toLowerCase(), "responses", "default"), operation.responses.default];
  if (!response) return null;
  if (response.$ref) {
    pointer = response.$ref;
    response = contract.document.components.responses[response.$ref.split("/").pop()];
  }
  return { response, pointer };
}

function validatorFor(contract: Contract, pointer: string): ValidateFunction {
  let validate = contract.validators.get(pointer);
  if (!validate) {
    validate = contract.ajv.getSchema(`openapi${pointer}`);
    expect(validate, `no schema at ${pointer}`).toBeTruthy();
    contract.validators.set(pointer, validate!);
  }
  return validate!;
}

/**
 * Checks an answer against the generated OpenAPI document, which is what clients read: the
 * operation found by path template and method, the response by status (an undocumented error
 * status by the shared Error component), JSON by its schema, any other body by its media type.
 */
function expectDocumented(endpoint: ApiEndpoint, status: number, contentType: string, json: unknown) {
  const contract = contractFor(endpoint);
  const where = `${endpoint.operationId} (${endpoint.method} ${endpoint.path}) answered ${status}`;
  const documented = documentedResponse(contract, endpoint, status);
  expect(documented, `${where}, which the OpenAPI document does not list`).toBeTruthy();
  const content = (documented!.response.content ?? {}) as Record<string, Json>;
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  if (!mediaType) {
    expect(Object.keys(content), `${where} with no body, but the document describes one`).toEqual([]);
    return;
  }
  const ranges = Object.keys(content).filter((range) => range === mediaType || range === "*/*" || (range.endsWith("/*") && mediaType.startsWith(range.slice(0, -1))));
  expect(ranges, `${where} with ${mediaType}, but the document lists another media type: ${Object.keys(content).join(", ") || "none"}`).not.toEqual([]);
  if (mediaType !== "application/json") return;
  const validate = validatorFor(contract, `${documented!.pointer}/content/application~1json/schema`);
  const valid = validate(json);
  expect(valid, `${where}: the body does not match the OpenAPI document: ${(validate.errors ?? []).map((error) => `${error.instancePath || "(root)"} ${error.message} ${JSON.stringify(error.params)}`).join("; ")}\n${JSON.stringify(json).slice(0, 500)}`).toBe(true);
}

/**
 * Calls a route handler of `endpoint` as a client would, and checks the answer against the
 * generated OpenAPI document and the endpoint's zod schema (or the error object): every API test
 * is also a contract test, so the document cannot drift from what the handlers send.
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
  if (type.startsWith("application/json")) json = await response.clone().json();
  expectDocumented(endpoint, response.status, response.status === 304 ? "" : type, json);
  if (type.startsWith("application/json")) {
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

const root = path.resolve(import.meta.dirname, "../..");
export const httpMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type ApiRouteHandler = RouteHandler & { apiEndpoint?: ApiEndpoint };
export type ApiRouteModule = Partial<Record<(typeof httpMethods)[number], ApiRouteHandler>>;

function routeFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js)$/.test(entry.name) ? [path.relative(root, full).split(path.sep).join("/")] : [];
  });
}

/** `app/api/v1/invoices/[id]/pdf/route.ts` → `/invoices/{id}/pdf`; route groups `(x)` vanish as in Next. */
export function routeTemplateOf(file: string): string {
  const segments = path.posix.dirname(file.slice("app/api/v1".length)).split("/").filter((segment) => segment && !/^\(.*\)$/.test(segment));
  return `/${segments.map((segment) => segment.replace(/^\[(\w+)\]$/, "{$1}")).join("/")}`;
}

/** Every route file under app/api/v1 with its path template and the module it exports. */
export async function apiRouteModules(): Promise<{ file: string; template: string; module: ApiRouteModule }[]> {
  return Promise.all(
    routeFiles(path.join(root, "app/api/v1")).map(async (file) => ({ file, template: routeTemplateOf(file), module: (await import(/* @vite-ignore */ path.join(root, file))) as ApiRouteModule })),
  );
}

/** The route handler that serves `endpoint` (through apiRoute), for tests that go over every endpoint. */
export async function routeOf(endpoint: ApiEndpoint): Promise<RouteHandler> {
  const route = (await apiRouteModules()).find(({ module }) => module[endpoint.method]?.apiEndpoint === endpoint);
  if (!route) throw new Error(`No route file serves ${endpoint.method} ${endpoint.path}`);
  return route.module[endpoint.method]!;
}
