import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { adminGetInvoice, getInvoiceForAccount } from "@/db/queries/invoices";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { callApi, routeOf, testApiToken } from "@/db/testing/api";
import { CustomerWithData, tableDigests } from "@/db/testing/owned-data";
import { defineEndpoint, type ApiEndpoint, type ApiMethod } from "./endpoint";
import { ApiError } from "./errors";
import { apiEndpoints } from "./registry";
import { apiRoute, assertUuid, idParams } from "./route";
import { setStorage } from "@/lib/storage";
import { localDiskStorage } from "@/lib/storage/local";

setupTestDatabase();

/** How to name customer A's item on one path, and a valid input per write method so the call reaches the ownership check. */
type Owned = {
  params: (a: CustomerWithData) => Promise<Record<string, string>>;
  query?: (a: CustomerWithData) => Record<string, string>;
  body?: Partial<Record<ApiMethod, (a: CustomerWithData) => unknown>>;
};

/**
 * Every registry path with path parameters, naming an item of customer A (see CustomerWithData for
 * the builders). A path missing here fails the test below, so no endpoint with an id goes unguarded.
 * Entries for paths not (yet) in the registry are simply unused.
 */
const ownedByA: Record<string, Owned> = {
  "/notifications/{id}/read": { params: async (a) => ({ id: await a.notification() }) },
  "/projects/{id}": { params: async (a) => ({ id: await a.project() }) },
  "/projects/{id}/deliverables/{deliverableId}/file": { params: async (a) => ({ id: await a.project(), deliverableId: await a.deliverable() }) },
  "/projects/{id}/rating": { params: async (a) => ({ id: await a.project() }), body: { PUT: () => ({ rating: 1, comment: "Not mine to rate" }) } },
  "/messages/threads/{id}": { params: async (a) => ({ id: await a.thread() }) },
  "/messages/threads/{id}/attachments/{fileId}": { params: async (a) => ({ id: (await a.threadWithAttachment()).threadId, fileId: (await a.threadWithAttachment()).fileId }) },
  "/messages/threads/{id}/messages": { params: async (a) => ({ id: await a.thread() }), body: { POST: () => ({ body: "Hello from another account" }) } },
  "/calls/{id}": { params: async (a) => ({ id: await a.call() }) },
  "/calls/{id}/recording": { params: async (a) => ({ id: await a.recordedCall() }) },
  "/calls/requests/{id}/cancel": { params: async (a) => ({ id: await a.callRequest() }) },
  "/invoices/{id}": { params: async (a) => ({ id: await a.invoice() }) },
  "/invoices/{id}/pdf": { params: async (a) => ({ id: await a.invoice() }) },
  "/invoices/{id}/pay": { params: async (a) => ({ id: await a.invoice() }) },
  "/agents/requests/{id}": { params: async (a) => ({ id: await a.agentRequest() }) },
};

const writes = new Set<ApiMethod>(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Calls `endpoint` as customer B (every scope) on A's item: it must be a 404 that names none of A's
 * ids or values and, for a write, changes no table. Then A's own call must not be a 404, proving the
 * entry named something real. Returns what went wrong, empty when the endpoint is guarded.
 */
async function crossUserProblems(endpoint: ApiEndpoint, route: Parameters<typeof callApi>[0], owned: Owned, a: CustomerWithData, tokens: { a: string; b: string }): Promise<string[]> {
  const where = `${endpoint.method} ${endpoint.path}`;
  const call = { params: await owned.params(a), query: owned.query?.(a), body: owned.body?.[endpoint.method]?.(a) };
  const problems: string[] = [];
  const before = writes.has(endpoint.method) ? await tableDigests() : null;
  const { status, response, json } = await callApi(route, endpoint, { ...call, token: tokens.b });
  if (status !== 404) problems.push(`${where}: another customer got ${status}, not 404`);
  else if (json?.error?.code !== "not_found") problems.push(`${where}: the 404's code is ${json?.error?.code}, not not_found`);
  const text = await response.clone().text();
  const leaked = [...a.secrets].filter((secret) => text.includes(secret));
  if (leaked.length > 0) problems.push(`${where}: the answer to another customer contains ${leaked.join(", ")}`);
  if (before) {
    const after = await tableDigests();
    const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
    if (changed.length > 0) problems.push(`${where}: another customer's call changed ${changed.join(", ")}`);
  }
  const own = await callApi(route, endpoint, { ...call, token: tokens.a });
  if (own.status === 404 || own.status >= 500) problems.push(`${where}: the owner's own call got ${own.status}: the entry in ownedByA names nothing of theirs`);
  return problems;
}

describe("the API's cross-user guard", () => {
  let a: CustomerWithData;
  let tokens: { a: string; b: string };
  let storageRoot: string;
  beforeAll(async () => {
    storageRoot = await mkdtemp(path.join(os.tmpdir(), "clientdesk-api-cross-user-"));
    setStorage(localDiskStorage(storageRoot));
    a = await CustomerWithData.create("api-owner");
    const b = await signedInUser("customer", "api-other");
    tokens = { a: await testApiToken(a.user), b: await testApiToken(b) };
  });
  afterAll(async () => {
    await rm(storageRoot, { recursive: true, force: true });
  });

  it("has an entry in ownedByA for every registry endpoint with path parameters", () => {
    const missing = apiEndpoints.filter((endpoint) => endpoint.params && !(endpoint.path in ownedByA)).map((endpoint) => `${endpoint.method} ${endpoint.path}`);
    expect(missing, "add each to ownedByA in lib/api/cross-user.test.ts, naming an item of customer A").toEqual([]);
    const needBody = apiEndpoints.filter((endpoint) => endpoint.params && endpoint.body && !ownedByA[endpoint.path]?.body?.[endpoint.method]).map((endpoint) => `${endpoint.method} ${endpoint.path}`);
    expect(needBody, "a write needs a valid body in its ownedByA entry, or validation answers 400 before the ownership check").toEqual([]);
  });

  it("answers another customer's ids with 404, none of their data, and no change, on every endpoint that takes an id", async () => {
    const guarded = apiEndpoints.filter((endpoint) => endpoint.params && endpoint.path in ownedByA);
    const problems: string[] = [];
    for (const endpoint of guarded) problems.push(...(await crossUserProblems(endpoint, await routeOf(endpoint), ownedByA[endpoint.path]!, a, tokens)));
    expect(problems).toEqual([]);
  });

  describe("the harness itself, on test-only endpoints", () => {
    const sample = defineEndpoint({
      method: "GET",
      path: "/sample-invoices/{id}",
      operationId: "getSampleInvoice",
      tag: "Samples",
      summary: "One invoice",
      scope: "invoices:read",
      params: idParams,
      responses: { 200: { description: "The invoice.", schema: z.object({ id: z.uuid(), number: z.string() }) } },
    });
    const owned: Owned = { params: async (owner) => ({ id: await owner.invoice() }) };

    it("passes an endpoint that reads through the account-scoped query", async () => {
      const route = apiRoute(sample, async ({ caller, params }) => {
        const invoice = await getInvoiceForAccount(caller.user.accountId!, assertUuid(params.id, "invoice"), "2026-11-26");
        if (!invoice) throw new ApiError(404, "not_found", "There is no such invoice.");
        return { body: { id: invoice.id, number: invoice.number } };
      });
      expect(await crossUserProblems(sample, route, owned, a, tokens)).toEqual([]);
    });

    it("catches an endpoint that forgets the account", async () => {
      const leaky = apiRoute(sample, async ({ params }) => {
        const invoice = await adminGetInvoice(params.id, "2026-11-26");
        return { body: { id: invoice!.id, number: invoice!.number } };
      });
      const problems = await crossUserProblems(sample, leaky, owned, a, tokens);
      expect(problems.join("\n")).toMatch(/another customer got 200/);
      expect(problems.join("\n")).toMatch(/contains/);
    });

    it("catches a write that changes the owner's data before refusing", async () => {
      const write = defineEndpoint({ ...sample, method: "POST", operationId: "touchSampleInvoice", scope: "invoices:write", responses: { 200: { description: "Done.", schema: z.object({ ok: z.boolean() }) } } });
      const careless = apiRoute(write, async ({ params }) => {
        const { getDb } = await import("@/db");
        const { invoices } = await import("@/db/schema");
        const { eq } = await import("drizzle-orm");
        await getDb().update(invoices).set({ notes: "touched" }).where(eq(invoices.id, params.id));
        throw new ApiError(404, "not_found", "There is no such invoice.");
      });
      const problems = await crossUserProblems(write, careless, owned, a, tokens);
      expect(problems.join("\n")).toMatch(/changed invoices/);
    });
  });
});
