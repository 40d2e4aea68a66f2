import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as getOpenApiJson } from "@/app/api/v1/openapi.json/route";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { callApi, testApiToken } from "@/db/testing/api";
import { defineEndpoint, type ApiEndpoint } from "./endpoint";
import { buildOpenApiDocument, type Json, type OpenApiDocument } from "./openapi";
import { pageOf, pageQuery } from "./pagination";
import { apiEndpoints } from "./registry";
import { apiRoute, idParams } from "./route";

setupTestDatabase();

// Test-only endpoints with every feature the registry may use: none of them is served by the app.
const sampleMoney = z.object({ amount: z.number().int().meta({ description: "Minor units.", example: 1999 }), currency: z.string().length(3) }).meta({ id: "SampleMoney" });
const sampleItem = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(["a", "b"]).default("a"),
    price: sampleMoney,
    createdAt: z.iso.datetime({ offset: true }),
    dueOn: z.iso.date().nullable(),
  })
  .meta({ id: "SampleItem" });
const sampleEndpoints = {
  list: defineEndpoint({
    method: "GET",
    path: "/samples",
    operationId: "listSamples",
    tag: "Samples",
    summary: "List samples",
    scope: "projects:read",
    query: pageQuery.extend({
      status: z.array(z.enum(["open", "done"])).optional().meta({ description: "Only these statuses." }),
      archived: z.stringbool().default(false),
    }),
    responses: { 200: { description: "A page of samples.", schema: pageOf(sampleItem, "SamplePage") } },
    etag: true,
  }),
  create: defineEndpoint({
    method: "POST",
    path: "/samples/{id}/items",
    operationId: "createSampleItem",
    tag: "Samples",
    summary: "Add an item with attachments",
    scope: "projects:write",
    params: idParams,
    body: z.object({ name: z.string().trim().min(1).max(20), kind: z.enum(["a", "b"]).default("a").meta({ id: "SampleKind" }) }),
    multipart: { files: "attachments" },
    idempotent: true,
    responses: { 201: { description: "The new item.", schema: sampleItem } },
    examples: { 201: { id: "5f0c9e0a-8d7b-4c1e-9a55-2d1f3b6c7e81", name: "First", kind: "a", price: { amount: 1999, currency: "eur" }, createdAt: "2026-01-02T03:04:05.000Z", dueOn: null } },
  }),
  pdf: defineEndpoint({
    method: "GET",
    path: "/samples/{id}/pdf",
    operationId: "getSamplePdf",
    tag: "Samples",
    summary: "Download a sample as PDF",
    scope: "projects:read",
    params: idParams,
    responses: { 200: { description: "The PDF.", contentType: "application/pdf" } },
  }),
} satisfies Record<string, ApiEndpoint>;
const samples: ApiEndpoint[] = Object.values(sampleEndpoints);

async function expectValidOpenApi31(document: OpenApiDocument) {
  const validator = new Validator({ strict: false });
  const result = await validator.validate(structuredClone(document) as Record<string, unknown>);
  expect(result.errors ?? [], JSON.stringify(result.errors, null, 1)?.slice(0, 2000)).toEqual([]);
  expect(result.valid).toBe(true);
  expect(validator.version).toBe("3.1");
}

function resolvePointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  let at: Json = document;
  for (const part of ref.slice(2).split("/").map((segment) => decodeURIComponent(segment).replace(/~1/g, "/").replace(/~0/g, "~"))) {
    if (at === null || typeof at !== "object" || !(part in at)) return undefined;
    at = at[part];
  }
  return at;
}

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "$ref" && typeof inner === "string") found.push(inner);
      else refsIn(inner, found);
    }
  }
  return found;
}

function operations(document: OpenApiDocument): { path: string; method: string; operation: Json }[] {
  return Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ path, method, operation })));
}

describe("the OpenAPI document", () => {
  const documents = { "the registry's": buildOpenApiDocument(), "the registry's with the test-only samples": buildOpenApiDocument([...apiEndpoints, ...samples]) };

  for (const [label, document] of Object.entries(documents)) {
    it(`${label} is valid OpenAPI 3.1 against the official schema`, async () => {
      expect(document.openapi).toBe("3.1.0");
      expect(document.servers).toEqual([{ url: "/api/v1" }]);
      await expectValidOpenApi31(document);
    });

    it(`${label}: every operation has a unique operationId, a summary, a known tag, its scope, and 401 and 429 documented`, () => {
      const all = operations(document);
      expect(all.length).toBe(label.includes("samples") ? apiEndpoints.length + samples.length : apiEndpoints.length);
      const ids = all.map(({ operation }) => operation.operationId);
      expect(new Set(ids).size, `duplicate operationIds: ${ids.filter((id, index) => ids.indexOf(id) !== index).join(", ")}`).toBe(ids.length);
      const tags = new Set(document.tags.map((tag) => tag.name));
      for (const { path, method, operation } of all) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(operation.operationId, where).toMatch(/^[a-z][A-Za-z0-9]+$/);
        expect(operation.summary, where).toBeTruthy();
        expect(operation.tags, where).toHaveLength(1);
        expect(tags.has(operation.tags[0]), where).toBe(true);
        expect(operation, where).toHaveProperty("x-required-scope");
        expect(operation.description, where).toContain("Required scope:");
        expect(operation.responses["401"], where).toEqual({ $ref: "#/components/responses/Unauthorized" });
        // An endpoint may describe its own 429 (e.g. the export's once-a-day limit); it still says when to retry.
        const tooMany = operation.responses["429"].$ref ? document.components.responses.TooManyRequests : operation.responses["429"];
        expect(tooMany.headers["Retry-After"], where).toBeTruthy();
        expect(tooMany.content["application/json"].schema, where).toEqual({ $ref: "#/components/schemas/Error" });
        if (path.includes("{")) expect(operation.responses["404"], where).toBeTruthy();
        expect(Object.keys(operation.responses).some((status) => /^2\d\d$/.test(status)), `${where} documents no success`).toBe(true);
      }
    });

    it(`${label}: every $ref resolves, and every shared error is the one Error component`, () => {
      const refs = refsIn(document);
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of new Set(refs)) expect(resolvePointer(document, ref), `${ref} does not resolve`).toBeDefined();
      for (const response of Object.values(document.components.responses)) expect(response.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Error" });
      expect(document.components.schemas.Error).toMatchObject({ type: "object", required: ["error"] });
      expect(document.components.headers["Retry-After"]).toBeTruthy();
      expect(document.components.responses.TooManyRequests.headers).toMatchObject({ "Retry-After": { $ref: "#/components/headers/Retry-After" }, "RateLimit-Remaining": { $ref: "#/components/headers/RateLimit-Remaining" } });
    });
  }

  it("describes the bearer token scheme and applies it to every operation with its scope", () => {
    const document = documents["the registry's with the test-only samples"];
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.components.securitySchemes.bearerAuth.description).toContain("cdk_");
    expect(document.components.securitySchemes.bearerAuth.description).toContain("Security page");
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    const list = document.paths["/samples"]!.get;
    expect(list["x-required-scope"]).toBe("projects:read");
    expect(list.security).toEqual([{ bearerAuth: ["projects:read"] }]);
    expect(list.description).toContain("`projects:write`");
    expect(document.info).toMatchObject({ title: "Clientdesk API", version: "1" });
    for (const topic of ["Authorization: Bearer", "Scopes", "Pagination", "Errors", "Rate limits", "Idempotency", "ETag"]) expect(document.info.description).toContain(topic);
  });

  it("turns query objects into parameters: coerced numbers as integers with their defaults and limits, optional ones not required, arrays exploded", () => {
    const document = documents["the registry's with the test-only samples"];
    const parameters = document.paths["/samples"]!.get.parameters as Json[];
    const byName = Object.fromEntries(parameters.map((parameter) => [parameter.name, parameter]));
    expect(byName.limit).toMatchObject({ in: "query", required: false, schema: { type: "integer", default: 25, minimum: 1, maximum: 100 } });
    expect(byName.limit.description).toContain("Items per page");
    expect(byName.cursor).toMatchObject({ in: "query", required: false, schema: { type: "string", maxLength: 500 } });
    expect(byName.status).toMatchObject({ in: "query", required: false, style: "form", explode: true, schema: { type: "array", items: { enum: ["open", "done"] } } });
    expect(byName.archived).toMatchObject({ in: "query", required: false });
    expect(byName["If-None-Match"]).toBeUndefined();
    expect(parameters).toContainEqual({ $ref: "#/components/parameters/IfNoneMatch" });
    expect(document.paths["/samples"]!.get.responses["200"].headers.ETag).toEqual({ $ref: "#/components/headers/ETag" });
    expect(document.paths["/samples"]!.get.responses["304"]).toBeTruthy();
    expect(document.paths["/samples"]!.get.responses["400"]).toEqual({ $ref: "#/components/responses/BadRequest" });
  });

  it("names schemas with an id as components: answers by their output form, a request's differing input form with an Input suffix", () => {
    const document = documents["the registry's with the test-only samples"];
    const { schemas } = document.components;
    expect(document.paths["/samples"]!.get.responses["200"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/SamplePage" });
    expect(schemas.SamplePage.properties.data.items).toEqual({ $ref: "#/components/schemas/SampleItem" });
    expect(schemas.SampleItem.properties.price).toEqual({ $ref: "#/components/schemas/SampleMoney" });
    expect(schemas.SampleItem.properties.createdAt).toMatchObject({ type: "string", format: "date-time" });
    expect(schemas.SampleItem.properties.dueOn).toMatchObject({ anyOf: [{ type: "string", format: "date" }, { type: "null" }] });
    expect(schemas.SampleItem.required).toContain("kind");
    expect(schemas.SampleMoney.properties.amount).toMatchObject({ type: "integer", description: "Minor units.", example: 1999 });
    // Used in a request only: it keeps its name, with the default a client may leave out.
    expect(schemas.SampleKind).toMatchObject({ enum: ["a", "b"], default: "a" });
    const path = document.paths["/samples"]!;
    expect(path.get.responses["200"].headers["RateLimit-Limit"]).toEqual({ $ref: "#/components/headers/RateLimit-Limit" });
  });

  it("gives a schema used in requests and answers with different forms an Input variant, and refuses two schemas with one id", () => {
    const status = z.enum(["x", "y"]).default("x").meta({ id: "SampleStatus" });
    const thing = z.object({ status }).meta({ id: "SampleThing" });
    const both = defineEndpoint({ method: "POST", path: "/things", operationId: "createThing", tag: "Samples", summary: "Create", scope: "projects:write", body: thing, responses: { 200: { description: "It.", schema: thing } } });
    const document = buildOpenApiDocument([both]);
    expect(document.components.schemas.SampleThing.required).toEqual(["status"]);
    expect(document.components.schemas.SampleThingInput.required ?? []).toEqual([]);
    expect(document.components.schemas.SampleThingInput.properties.status).toEqual({ $ref: "#/components/schemas/SampleStatus" });
    expect(document.paths["/things"]!.post.requestBody.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/SampleThingInput" });

    const impostor = z.object({ other: z.string() }).meta({ id: "SampleThing" });
    const clash = defineEndpoint({ ...both, path: "/other", operationId: "other", responses: { 200: { description: "It.", schema: impostor } } });
    expect(() => buildOpenApiDocument([both, clash])).toThrow(/Two different schemas are named "SampleThing"/);
  });

  it("documents multipart bodies with the file field, idempotency, path ids and binary answers", () => {
    const document = documents["the registry's with the test-only samples"];
    const create = document.paths["/samples/{id}/items"]!.post;
    expect(create.parameters).toContainEqual(expect.objectContaining({ name: "id", in: "path", required: true, schema: expect.objectContaining({ type: "string", format: "uuid" }) }));
    expect(create.parameters).toContainEqual({ $ref: "#/components/parameters/IdempotencyKey" });
    expect(create.requestBody.required).toBe(true);
    expect(create.requestBody.content["application/json"].schema.properties.name).toMatchObject({ type: "string", minLength: 1, maxLength: 20 });
    const form = create.requestBody.content["multipart/form-data"].schema;
    expect(form.properties.attachments).toMatchObject({ type: "array", items: { type: "string", contentMediaType: "application/octet-stream" } });
    expect(form.properties.name).toMatchObject({ type: "string" });
    for (const [status, name] of [["400", "BadRequest"], ["404", "NotFound"], ["409", "IdempotencyConflict"], ["422", "IdempotencyKeyReused"]]) expect(create.responses[status!]).toEqual({ $ref: `#/components/responses/${name}` });
    expect(create.responses["201"].content["application/json"].example).toMatchObject({ name: "First" });
    expect(create.responses["201"].headers["Idempotent-Replayed"]).toBeTruthy();
    const pdf = document.paths["/samples/{id}/pdf"]!.get;
    expect(pdf.responses["200"].content).toEqual({ "application/pdf": { schema: { type: "string", format: "binary" } } });
    expect(pdf.responses["400"]).toEqual({ $ref: "#/components/responses/BadRequest" });
    expect(pdf.responses["409"]).toBeUndefined();
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("serves the registry's document without a token, cacheable, with an ETag that answers 304", async () => {
    const response = getOpenApiJson(new Request("http://localhost/api/v1/openapi.json"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const etag = response.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
    const again = getOpenApiJson(new Request("http://localhost/api/v1/openapi.json", { headers: { "if-none-match": `W/${etag}` } }));
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
  });
});

describe("the contract check in callApi", () => {
  const good = { id: "5f0c9e0a-8d7b-4c1e-9a55-2d1f3b6c7e81", name: "First", kind: "a", price: { amount: 1999, currency: "eur" }, createdAt: "2026-01-02T03:04:05.000Z", dueOn: "2026-02-01" };
  const listWith = (body: unknown) => apiRoute(sampleEndpoints.list, async () => ({ body }));

  it("accepts answers as documented, documented errors and undocumented error statuses as the Error component", async () => {
    const token = await testApiToken(await signedInUser("customer", "api-contract"));
    const ok = await callApi(listWith({ data: [good], nextCursor: null }), sampleEndpoints.list, { token, query: { limit: "5", status: ["open", "done"] } });
    expect(ok.status).toBe(200);
    expect((await callApi(listWith({ data: [], nextCursor: null }), sampleEndpoints.list, { token, query: { limit: "0" } })).status).toBe(400);
    expect((await callApi(listWith({ data: [], nextCursor: null }), sampleEndpoints.list, { token: null })).status).toBe(401);
    const pdf = apiRoute(sampleEndpoints.pdf, async () => new Response("%PDF-1.7", { headers: { "content-type": "application/pdf" } }));
    expect((await callApi(pdf, sampleEndpoints.pdf, { token, params: { id: good.id } })).status).toBe(200);
    const created = apiRoute(sampleEndpoints.create, async ({ body, files }) => ({ body: { ...good, name: body.name, kind: body.kind ?? "a" }, headers: { "x-files": String(files.length) } }));
    const form = new FormData();
    form.set("name", "Second");
    form.append("attachments", new File(["hello"], "a.txt", { type: "text/plain" }));
    const answer = await callApi(created, sampleEndpoints.create, { token, params: { id: good.id }, form, headers: { "idempotency-key": "contract-1" } });
    expect(answer.status).toBe(201);
    expect(answer.response.headers.get("x-files")).toBe("1");
  });

  it("fails a test whose handler's answer drifts from the document: an extra field, a wrong type, another media type, an undocumented status", async () => {
    const token = await testApiToken(await signedInUser("customer", "api-drift"));
    await expect(callApi(listWith({ data: [{ ...good, passwordHash: "x" }], nextCursor: null }), sampleEndpoints.list, { token })).rejects.toThrow(/does not match the OpenAPI document.*additional properties/s);
    await expect(callApi(listWith({ data: [{ ...good, price: { amount: "19.99", currency: "eur" } }], nextCursor: null }), sampleEndpoints.list, { token })).rejects.toThrow(/does not match the OpenAPI document/);
    await expect(callApi(listWith({ data: [{ ...good, createdAt: "yesterday" }], nextCursor: null }), sampleEndpoints.list, { token })).rejects.toThrow(/does not match the OpenAPI document/);
    const wrongType = apiRoute(sampleEndpoints.pdf, async () => new Response("<html>", { headers: { "content-type": "text/html" } }));
    await expect(callApi(wrongType, sampleEndpoints.pdf, { token, params: { id: good.id } })).rejects.toThrow(/lists another media type/);
    const undocumented = apiRoute(sampleEndpoints.list, async () => ({ status: 202, body: { data: [], nextCursor: null } }));
    await expect(callApi(undocumented, sampleEndpoints.list, { token })).rejects.toThrow(/does not list/);
  });
});
