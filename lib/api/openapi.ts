import { createHash } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import { API_IDEMPOTENCY_TTL_HOURS, API_PAGE_SIZE_DEFAULT, API_PAGE_SIZE_MAX, API_RATE_LIMIT, API_RATE_LIMIT_WINDOW_SECONDS } from "@/lib/constants";
import type { ApiEndpoint } from "./endpoint";
import { apiErrorSchema } from "./errors";
import { apiEndpoints } from "./registry";

/** A JSON Schema (2020-12, OpenAPI 3.1's dialect) or any other part of the document, as plain JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  security: Record<string, string[]>[];
  tags: { name: string }[];
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json>; securitySchemes: Record<string, Json>; responses: Record<string, Json>; parameters: Record<string, Json>; headers: Record<string, Json> };
};

const ref = (kind: keyof OpenApiDocument["components"], name: string) => ({ $ref: `#/components/${kind}/${name}` });
const schemaRef = (name: string) => ref("schemas", name);

const description = `The JSON API over the same data and rules as the Clientdesk dashboard.

**Authentication.** Send a personal access token as \`Authorization: Bearer cdk_…\`. Create one on the Security page of the dashboard; it is shown once.

**Scopes.** A token carries scopes per area, \`area:read\` or \`area:write\` (write includes read). Each operation names the scope it needs; without it the answer is 403 \`insufficient_scope\`.

**Pagination.** Lists that grow take \`limit\` (1–${API_PAGE_SIZE_MAX}, default ${API_PAGE_SIZE_DEFAULT}) and \`cursor\`, and answer \`{ data, nextCursor }\`; pass \`nextCursor\` back as \`cursor\` until it is null.

**Errors.** Every refusal is \`{ error: { code, message, fields } }\` with the matching status; \`fields\` names each invalid input. An id that is unknown, malformed or another account's is a 404.

**Rate limits.** ${API_RATE_LIMIT} requests per ${API_RATE_LIMIT_WINDOW_SECONDS} s per token, reported in \`RateLimit-*\` headers; past it, 429 with \`Retry-After\`.

**Idempotency.** POSTs that create or pay accept an \`Idempotency-Key\` header: a retry with the same key and body within ${API_IDEMPOTENCY_TTL_HOURS} h answers the first result (\`Idempotent-Replayed: true\`); the same key with another body is a 422.

**ETags.** GETs that send an \`ETag\` answer 304 to a matching \`If-None-Match\`.`;

/** Each shared error shows its own code and message; without one Swagger UI shows the schema's not_found sample everywhere. */
const errorExample = (code: string, message: string, fields: Record<string, string> = {}) => ({ error: { code, message, fields } });

const errorResponse = (text: string, example: Json, headers: Record<string, Json> = {}) => ({
  description: text,
  headers: { ...rateLimitHeaderRefs, ...headers },
  content: { "application/json": { schema: schemaRef("Error"), example } },
});

const rateLimitHeaderRefs = {
  "RateLimit-Limit": ref("headers", "RateLimit-Limit"),
  "RateLimit-Remaining": ref("headers", "RateLimit-Remaining"),
  "RateLimit-Reset": ref("headers", "RateLimit-Reset"),
  "RateLimit-Policy": ref("headers", "RateLimit-Policy"),
};

/** The errors every operation can answer, documented once and referred to by each operation. */
const sharedResponses = {
  BadRequest: errorResponse(
    "The path, query or body is not valid; `fields` says why, per field.",
    errorExample("bad_request", "The request's query is not valid: see `fields`.", { limit: `Use a whole number from 1 to ${API_PAGE_SIZE_MAX}.` }),
  ),
  Unauthorized: {
    description: "No token, or one that is unknown, revoked or expired.",
    headers: { "WWW-Authenticate": { description: 'Always `Bearer realm="clientdesk-api"`.', schema: { type: "string" } } },
    content: { "application/json": { schema: schemaRef("Error"), example: errorExample("unauthorized", "This token is not valid, has expired or has been revoked.") } },
  },
  Forbidden: errorResponse(
    "The token lacks the operation's scope (`insufficient_scope`), or its user may not do this.",
    errorExample("insufficient_scope", "This token lacks the `invoices:read` scope."),
  ),
  NotFound: errorResponse("No such item for this token's account: unknown, malformed or another account's id.", errorExample("not_found", "There is no such invoice.")),
  IdempotencyConflict: errorResponse(
    "A request with this Idempotency-Key is still being processed.",
    errorExample("idempotency_in_progress", "A request with this Idempotency-Key is still being processed."),
  ),
  IdempotencyKeyReused: errorResponse(
    "This Idempotency-Key was used for a different request.",
    errorExample("idempotency_key_reused", "This Idempotency-Key was used for a different request."),
  ),
  TooLarge: errorResponse("The body is larger than the operation accepts.", errorExample("too_large", "The body is larger than 1 MB.")),
  UnsupportedMediaType: errorResponse("The body's Content-Type is not one the operation accepts.", errorExample("unsupported_media_type", "Send the body as application/json.")),
  TooManyRequests: errorResponse(
    "The token used up its requests for this window.",
    errorExample("rate_limited", `This token made more than ${API_RATE_LIMIT} requests in a minute; try again in 12 s.`),
    { "Retry-After": ref("headers", "Retry-After") },
  ),
  Unexpected: {
    description: "The service failed (500) or is briefly unavailable (503, with `Retry-After`).",
    content: { "application/json": { schema: schemaRef("Error"), example: errorExample("internal", "Something went wrong on our side.") } },
  },
};

const sharedHeaders = {
  "RateLimit-Limit": { description: "Requests allowed per window for this token.", schema: { type: "integer" } },
  "RateLimit-Remaining": { description: "Requests left in the current window.", schema: { type: "integer" } },
  "RateLimit-Reset": { description: "Seconds until the window resets.", schema: { type: "integer" } },
  "RateLimit-Policy": { description: `The policy, e.g. \`${API_RATE_LIMIT};w=${API_RATE_LIMIT_WINDOW_SECONDS}\`.`, schema: { type: "string" } },
  "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "integer" } },
  ETag: { description: "A weak tag of the answer; send it back as `If-None-Match`.", schema: { type: "string" } },
  "Idempotent-Replayed": { description: "`true` when this is the stored answer to an earlier request with the same Idempotency-Key.", schema: { type: "string", enum: ["true"] } },
};

const sharedParameters = {
  IdempotencyKey: {
    name: "Idempotency-Key",
    in: "header",
    required: false,
    description: `Makes a retry safe: the same key with the same body within ${API_IDEMPOTENCY_TTL_HOURS} h answers the first result. 1–255 visible ASCII characters, e.g. a UUID.`,
    schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x21-\\x7e]+$" },
    example: "5f0c9e0a-8d7b-4c1e-9a55-2d1f3b6c7e81",
  },
  IfNoneMatch: {
    name: "If-None-Match",
    in: "header",
    required: false,
    description: "An `ETag` from an earlier answer: 304 with no body if nothing changed.",
    schema: { type: "string" },
  },
};

/** The path of a JSON object inside the document, as a JSON pointer (`~` and `/` escaped). */
export function jsonPointer(...segments: string[]): string {
  return `#/${segments.map((segment) => segment.replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`;
}

function mapRefs(value: Json, rename: (target: string) => string): Json {
  if (Array.isArray(value)) return value.map((item) => mapRefs(item, rename));
  if (value === null || typeof value !== "object") return value;
  const out: Json = {};
  for (const [key, inner] of Object.entries(value)) out[key] = key === "$ref" && typeof inner === "string" ? rename(inner) : mapRefs(inner, rename);
  return out;
}

const formatExamples: Record<string, string> = {
  uuid: "5f0c9e0a-8d7b-4c1e-9a55-2d1f3b6c7e81",
  "date-time": "2026-11-26T09:30:00.000Z",
  date: "2026-11-26",
  email: "casey@example.com",
};

/**
 * Swagger UI makes samples from a format's regex pattern (an email of random characters, the year 5200) and
 * from an integer's bounds: plain examples for those formats, and no bounds for zod's ±2^53 default of `.int()`.
 */
function plainSamples({ jsonSchema }: { jsonSchema: Json }) {
  const example = typeof jsonSchema.format === "string" ? formatExamples[jsonSchema.format] : undefined;
  if (example && jsonSchema.pattern && jsonSchema.example === undefined && jsonSchema.examples === undefined) jsonSchema.example = example;
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
}

/**
 * Collects the named schemas (`.meta({ id })`) of every converted zod schema into components/schemas.
 * A name's request (input) form gets an `Input` suffix only where it differs from its answer form, and
 * two different schemas claiming one name are an error, not a silent overwrite.
 */
class SchemaComponents {
  readonly schemas: Record<string, Json> = {};
  private readonly inputNames = new Map<string, string>();
  private anonymous = 0;

  convert(schema: z.ZodType, io: "input" | "output"): Json {
    const { $schema: _dialect, $defs = {}, ...root } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any", override: plainSamples }) as Json;
    const defs = $defs as Record<string, Json>;
    const names = new Map<string, string>();
    // zod names a reused schema without an id `__schema0`; give it a name unique in the document.
    for (const name of Object.keys(defs)) names.set(name, name.startsWith("__schema") ? `Schema${++this.anonymous}` : name);
    if (io === "input") this.nameInputs(defs, names);
    const rename = (target: string) => {
      const match = /^#\/\$defs\/(.+)$/.exec(target);
      return match ? `#/components/schemas/${names.get(match[1]!) ?? match[1]}` : target;
    };
    for (const [name, def] of Object.entries(defs)) {
      const finalName = names.get(name)!;
      const json = mapRefs(def, rename);
      const existing = this.schemas[finalName];
      if (existing && !isDeepStrictEqual(existing, json)) throw new Error(`Two different schemas are named "${finalName}" (.meta({ id })): give one another id.`);
      this.schemas[finalName] = json;
    }
    return mapRefs(root, rename);
  }

  /** A request's named schema keeps its name when its input form equals the answer form known so far. */
  private nameInputs(defs: Record<string, Json>, names: Map<string, string>) {
    const differs = new Set<string>();
    for (const name of names.keys()) if (this.inputNames.get(name)?.endsWith("Input")) differs.add(name);
    for (let changed = true; changed; ) {
      changed = false;
      const rename = (target: string) => {
        const match = /^#\/\$defs\/(.+)$/.exec(target);
        if (!match) return target;
        return `#/components/schemas/${differs.has(match[1]!) ? `${match[1]}Input` : names.get(match[1]!)}`;
      };
      for (const [name, def] of Object.entries(defs)) {
        if (differs.has(name) || name.startsWith("__schema")) continue;
        const existing = this.schemas[name];
        if (existing && !isDeepStrictEqual(existing, mapRefs(def, rename))) {
          differs.add(name);
          changed = true;
        }
      }
    }
    for (const name of differs) {
      names.set(name, `${name}Input`);
      this.inputNames.set(name, `${name}Input`);
    }
  }
}

function scopeText(endpoint: ApiEndpoint): string {
  if (!endpoint.scope) return "Required scope: none (any live token).";
  const [area, access] = endpoint.scope.split(":");
  return access === "read" ? `Required scope: \`${endpoint.scope}\` (or \`${area}:write\`).` : `Required scope: \`${endpoint.scope}\`.`;
}

/** Path or query parameters from a zod object: a parameter per property, its description lifted from the schema. */
function parametersOf(object: z.ZodObject, where: "path" | "query", components: SchemaComponents): Json[] {
  const json = components.convert(object, "input");
  const required = new Set<string>(json.required ?? []);
  return Object.entries((json.properties ?? {}) as Record<string, Json>).map(([name, property]) => {
    const { description: text, example, ...schema } = property;
    return {
      name,
      in: where,
      required: where === "path" || required.has(name),
      ...(text ? { description: text } : {}),
      schema,
      ...(example !== undefined ? { example } : {}),
      ...(schema.type === "array" ? { style: "form", explode: true } : {}),
    };
  });
}

function requestBodyOf(endpoint: ApiEndpoint, components: SchemaComponents): Json | undefined {
  if (!endpoint.body) return undefined;
  const json = components.convert(endpoint.body, "input");
  const content: Record<string, Json> = { "application/json": { schema: json } };
  if (endpoint.multipart) {
    const resolved = json.$ref ? components.schemas[json.$ref.split("/").pop()] : json;
    const files = { type: "array", items: { type: "string", contentMediaType: "application/octet-stream" }, description: "The files, one form part each." };
    content["multipart/form-data"] = {
      schema: { ...resolved, type: "object", properties: { ...resolved?.properties, [endpoint.multipart.files]: files } },
    };
  }
  return { required: true, content };
}

function operationOf(endpoint: ApiEndpoint, components: SchemaComponents): Json {
  const parameters: Json[] = [
    ...(endpoint.params ? parametersOf(endpoint.params, "path", components) : []),
    ...(endpoint.query ? parametersOf(endpoint.query, "query", components) : []),
    ...(endpoint.idempotent ? [ref("parameters", "IdempotencyKey")] : []),
    ...(endpoint.etag ? [ref("parameters", "IfNoneMatch")] : []),
  ];
  const responses: Record<string, Json> = {};
  for (const [status, spec] of Object.entries(endpoint.responses)) {
    const code = Number(status);
    const example = endpoint.examples?.[code];
    let content: Json = undefined;
    if (spec.contentType) content = { [spec.contentType]: { schema: { type: "string", format: "binary" } } };
    else if (spec.schema) content = { "application/json": { schema: components.convert(spec.schema, "output"), ...(example !== undefined ? { example } : {}) } };
    else if (code >= 400) content = { "application/json": { schema: schemaRef("Error") } };
    const headers: Record<string, Json> = { ...rateLimitHeaderRefs };
    if (endpoint.etag && code === 200) headers.ETag = ref("headers", "ETag");
    if (endpoint.idempotent && code < 300) headers["Idempotent-Replayed"] = ref("headers", "Idempotent-Replayed");
    if (code === 429 || code === 503) headers["Retry-After"] = ref("headers", "Retry-After");
    responses[status] = { description: spec.description, headers, ...(content ? { content } : {}) };
  }
  if (endpoint.etag) responses["304"] ??= { description: "Not modified: the `If-None-Match` tag is current.", headers: { ETag: ref("headers", "ETag"), ...rateLimitHeaderRefs } };
  const hasInput = Boolean(endpoint.params || endpoint.query || endpoint.body || endpoint.idempotent);
  const shared: [boolean, string, keyof typeof sharedResponses][] = [
    [hasInput, "400", "BadRequest"],
    [true, "401", "Unauthorized"],
    [true, "403", "Forbidden"],
    [Boolean(endpoint.params), "404", "NotFound"],
    [Boolean(endpoint.idempotent), "409", "IdempotencyConflict"],
    [Boolean(endpoint.body), "413", "TooLarge"],
    [Boolean(endpoint.body), "415", "UnsupportedMediaType"],
    [Boolean(endpoint.idempotent), "422", "IdempotencyKeyReused"],
    [true, "429", "TooManyRequests"],
  ];
  for (const [applies, status, name] of shared) if (applies) responses[status] ??= ref("responses", name);
  responses.default = ref("responses", "Unexpected");

  return {
    operationId: endpoint.operationId,
    tags: [endpoint.tag],
    summary: endpoint.summary,
    description: [endpoint.description, scopeText(endpoint)].filter(Boolean).join("\n\n"),
    "x-required-scope": endpoint.scope,
    security: [{ bearerAuth: endpoint.scope ? [endpoint.scope] : [] }],
    ...(parameters.length ? { parameters } : {}),
    ...(endpoint.body ? { requestBody: requestBodyOf(endpoint, components) } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of `endpoints`, from the same zod schemas the route handlers validate with. */
export function buildOpenApiDocument(endpoints: readonly ApiEndpoint[] = apiEndpoints): OpenApiDocument {
  const components = new SchemaComponents();
  components.convert(apiErrorSchema, "output");
  // Answers first, so a request's named schema is compared with its answer form (see nameInputs).
  for (const endpoint of endpoints) for (const spec of Object.values(endpoint.responses)) if (spec.schema) components.convert(spec.schema, "output");
  const paths: OpenApiDocument["paths"] = {};
  for (const endpoint of endpoints) {
    const method = endpoint.method.toLowerCase();
    paths[endpoint.path] ??= {};
    if (paths[endpoint.path]![method]) throw new Error(`${endpoint.method} ${endpoint.path} is declared twice.`);
    paths[endpoint.path]![method] = operationOf(endpoint, components);
  }
  return {
    openapi: "3.1.0",
    info: { title: "Clientdesk API", version: "1", description },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerAuth: [] }],
    tags: [...new Set(endpoints.map((endpoint) => endpoint.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(components.schemas).sort(([a], [b]) => a.localeCompare(b))),
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "cdk_…",
          description: "A personal access token from the Security page of the dashboard (it starts with `cdk_` and is shown once). Each operation names the scope it needs.",
        },
      },
      responses: sharedResponses,
      parameters: sharedParameters,
      headers: sharedHeaders,
    },
  };
}

let served: { text: string; etag: string } | undefined;

/** The registry's document as served: built once per process, with a strong ETag of its text. */
export function servedOpenApiDocument(): { text: string; etag: string } {
  if (!served) {
    const text = JSON.stringify(buildOpenApiDocument());
    served = { text, etag: `"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"` };
  }
  return served;
}
