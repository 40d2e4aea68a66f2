import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRequests } from "@/app/api/v1/calls/requests/route";
import { POST as startRoute } from "@/app/api/v1/messages/threads/route";
import { PATCH as patchProfile } from "@/app/api/v1/profile/route";
import { apiIdempotencyKeys, messageThreads } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { callApi, testApiToken } from "@/db/testing/api";
import { setStorage } from "@/lib/storage";
import { localDiskStorage } from "@/lib/storage/local";
import { callEndpoints } from "./endpoints/calls";
import { messagesEndpoints } from "./endpoints/messages";
import { profileEndpoints } from "./endpoints/profile";

const db = setupTestDatabase();
let storageRoot: string;
beforeAll(async () => {
  storageRoot = await mkdtemp(path.join(os.tmpdir(), "clientdesk-api-review-"));
  setStorage(localDiskStorage(storageRoot));
});
afterAll(async () => {
  await rm(storageRoot, { recursive: true, force: true });
});

const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

function form(fields: Record<string, string>, files: File[] = []): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  for (const file of files) data.append("attachments", file);
  return data;
}

/** A body stream of `total` bytes that never holds more than one chunk. */
function bigBody(total: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(1024 * 1024).fill(0x20);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.byteLength;
    },
  });
}

describe("API review findings", () => {
  it("answers a repeated multipart send with the same Idempotency-Key with the first answer (the form's boundary differs per request)", async () => {
    const customer = await signedInUser("customer", "review-multipart-idem");
    const token = await testApiToken(customer, ["messages:write"]);
    const headers = { "Idempotency-Key": "multipart-1" };
    const send = () =>
      callApi(startRoute, messagesEndpoints.start, {
        token,
        headers,
        form: form({ subject: "Files", body: "See attached." }, [
          new File([pdf], "brief.pdf", { type: "application/pdf" }),
        ]),
      });
    const first = await send();
    expect(first.status).toBe(201);
    const second = await send();
    expect(second.status).toBe(201);
    expect(second.json.id).toBe(first.json.id);
    expect(second.response.headers.get("idempotent-replayed")).toBe("true");
    expect(
      await db()
        .select({ id: messageThreads.id })
        .from(messageThreads)
        .where(eq(messageThreads.accountId, customer.accountId!)),
    ).toHaveLength(1);

    const other = await callApi(startRoute, messagesEndpoints.start, {
      token,
      headers,
      form: form({ subject: "Files", body: "Something else." }),
    });
    expect(other.status).toBe(422);
  });

  it("lets a key whose request died without an answer be used again after a few minutes, and answers 409 before", async () => {
    const customer = await signedInUser("customer", "review-abandoned-key");
    const token = await testApiToken(customer, ["messages:write"]);
    const call = {
      token,
      headers: { "Idempotency-Key": "died-1" },
      body: { subject: "Hello", body: "Anyone there?" },
    };
    expect(
      (await callApi(startRoute, messagesEndpoints.start, call)).status,
    ).toBe(201);
    // As if the process had died between running the request and storing its answer.
    await db()
      .update(apiIdempotencyKeys)
      .set({ responseStatus: null, responseBody: null })
      .where(eq(apiIdempotencyKeys.key, "died-1"));
    const meanwhile = await callApi(startRoute, messagesEndpoints.start, call);
    expect(meanwhile.status).toBe(409);
    await db()
      .update(apiIdempotencyKeys)
      .set({ createdAt: sql`now() - interval '10 minutes'` })
      .where(eq(apiIdempotencyKeys.key, "died-1"));
    const later = await callApi(startRoute, messagesEndpoints.start, call);
    expect(later.status).toBe(201);
    expect(later.response.headers.get("idempotent-replayed")).toBeNull();
  });

  it("refuses a JSON body over 1 MB with 413 without reading all of it", async () => {
    const customer = await signedInUser("customer", "review-big-json");
    const token = await testApiToken(customer, ["profile:write"]);
    let pulled = 0;
    const stream = bigBody(64 * 1024 * 1024).pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          pulled += chunk.byteLength;
          controller.enqueue(chunk);
        },
      }),
    );
    const request = new Request("http://localhost/api/v1/profile", {
      method: "PATCH",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
      },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const response = await patchProfile(request, {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("too_large");
    expect(pulled).toBeLessThan(8 * 1024 * 1024);
  });

  it("refuses a declared Content-Length over the limit with 413 before reading", async () => {
    const customer = await signedInUser("customer", "review-big-length");
    const token = await testApiToken(customer, ["profile:write"]);
    const { status, json } = await callApi(
      patchProfile,
      profileEndpoints.update,
      {
        token,
        body: { name: "X" },
        headers: { "content-length": String(2 * 1024 * 1024 * 1024) },
      },
    );
    expect(status).toBe(413);
    expect(json.error.code).toBe("too_large");
  });

  it("answers a call-request cursor it did not give out with 400, as every other list does", async () => {
    const customer = await signedInUser("customer", "review-cursor");
    const token = await testApiToken(customer, ["calls:read"]);
    const { status, json } = await callApi(
      listRequests,
      callEndpoints.listRequests,
      { token, query: { cursor: "not-a-cursor" } },
    );
    expect(status).toBe(400);
    expect(Object.keys(json.error.fields)).toEqual(["cursor"]);
  });
});
