import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as availableRoute } from "@/app/api/v1/agents/available/route";
import { GET as requestsRoute, POST as createRoute } from "@/app/api/v1/agents/requests/route";
import { GET as assignedRoute } from "@/app/api/v1/agents/route";
import { listAgentRequestsForAccount } from "@/db/queries/agents";
import { agentRequests } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { callApi, testApiToken } from "@/db/testing/api";
import { testAgent, testAssignment, testCalls } from "@/db/testing/calls";
import { createAgentRequest, declineAgentRequest } from "@/lib/agents/service";
import { agentsEndpoints } from "./endpoints/agents";

const db = setupTestDatabase();
const info = { ip: null, userAgent: "vitest" };

async function requestsOf(accountId: string) {
  return db().select({ id: agentRequests.id, status: agentRequests.status, notes: agentRequests.notes }).from(agentRequests).where(eq(agentRequests.accountId, accountId));
}

describe("GET /agents", () => {
  it("lists the agents working for the account today, primary first, with their performance on its calls", async () => {
    const [customer, other] = await Promise.all([signedInUser("customer", "api-agents"), signedInUser("customer", "api-agents-other")]);
    const [anna, bob, gone] = [await testAgent({ name: "Anna" }), await testAgent({ name: "Bob", kind: "ai", languages: ["de"] }), await testAgent({ name: "Gone" })];
    await testAssignment(customer.accountId!, bob.id, { role: "backup" });
    await testAssignment(customer.accountId!, anna.id, { role: "primary" });
    await testAssignment(customer.accountId!, gone.id, { role: "backup", endsOn: "2026-02-01" });
    await testAssignment(other.accountId!, gone.id, { role: "primary" });
    await testCalls(customer.accountId!, [
      { agentId: anna.id, status: "completed", durationSeconds: 120, satisfaction: 5 },
      { agentId: anna.id, status: "missed", durationSeconds: 0 },
    ]);
    const token = await testApiToken(customer, ["agents:read"]);

    const { status, json } = await callApi(assignedRoute, agentsEndpoints.assigned, { token });
    expect(status).toBe(200);
    expect(json.data.map((agent: { name: string; role: string }) => [agent.name, agent.role])).toEqual([
      ["Anna", "primary"],
      ["Bob", "backup"],
    ]);
    expect(json.data[0].performance).toEqual({ calls: 2, successRate: 0.5, averageSatisfaction: 5, averageHandlingSeconds: 120 });
    expect(json.data[1]).toMatchObject({ kind: "ai", languages: ["de"], performance: { calls: 0, successRate: null, averageSatisfaction: null, averageHandlingSeconds: null } });
    expect(json.data[0]).not.toHaveProperty("avatarFileId");
  });

  it("lists the agents one may ask for, and refuses a token of another area", async () => {
    const customer = await signedInUser("customer", "api-agents-available");
    const agent = await testAgent({ name: "Available Ava" });
    await testAgent({ name: "Retired Rick", active: false });
    const { status, json } = await callApi(availableRoute, agentsEndpoints.available, { token: await testApiToken(customer, ["agents:read"]) });
    expect(status).toBe(200);
    expect(json.data).toContainEqual({ id: agent.id, name: "Available Ava", kind: "human", languages: ["en"] });
    expect(json.data.map((one: { name: string }) => one.name)).not.toContain("Retired Rick");

    const refused = await callApi(assignedRoute, agentsEndpoints.assigned, { token: await testApiToken(customer, ["projects:read", "calls:write"]) });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe("insufficient_scope");
  });
});

describe("agent requests", () => {
  it("creates a request through the page's service with 201, once per Idempotency-Key, and answers a second one with 409 pending_exists", async () => {
    const customer = await signedInUser("customer", "api-agent-request");
    const agent = await testAgent({ name: "Wanted Wanda" });
    const token = await testApiToken(customer, ["agents:write"]);
    const call = { token, body: { agentId: agent.id, language: "de", specialty: " Sales ", notes: "Mornings, please." }, headers: { "Idempotency-Key": "agent-1" } };

    const first = await callApi(createRoute, agentsEndpoints.createRequest, call);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ status: "pending", requestedAgentName: "Wanted Wanda", language: "de", specialty: "Sales", notes: "Mornings, please.", decidedAt: null });
    expect((await callApi(createRoute, agentsEndpoints.createRequest, call)).json).toEqual(first.json);
    expect(await requestsOf(customer.accountId!)).toHaveLength(1);

    const again = await callApi(createRoute, agentsEndpoints.createRequest, { token, body: {} });
    expect(again.status).toBe(409);
    expect(again.json.error).toMatchObject({ code: "pending_exists", message: expect.stringMatching(/already have a request waiting/) });
    expect(await requestsOf(customer.accountId!)).toHaveLength(1);
  });

  it("refuses bad fields with 400 in English, an inactive agent and another customer's assignment included, and a read token with 403", async () => {
    const [customer, other] = await Promise.all([signedInUser("customer", "api-agent-bad"), signedInUser("customer", "api-agent-bad-other")]);
    const token = await testApiToken(customer, ["agents:write"]);
    const bad = await callApi(createRoute, agentsEndpoints.createRequest, { token, body: { language: "xx", notes: "x".repeat(2001), agentId: "nope" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toEqual({ language: "Choose a language from the list.", notes: "Keep the notes under 2,000 characters.", agentId: "Choose an agent from the list." });

    const retired = await testAgent({ name: "Retired", active: false });
    const inactive = await callApi(createRoute, agentsEndpoints.createRequest, { token, body: { agentId: retired.id } });
    expect(inactive.status).toBe(400);
    expect(inactive.json.error.fields).toHaveProperty("agentId");

    const theirs = await testAssignment(other.accountId!, (await testAgent()).id);
    const foreign = await callApi(createRoute, agentsEndpoints.createRequest, { token, body: { replacesAssignmentId: theirs.id } });
    expect(foreign.status).toBe(400);
    expect(foreign.json.error.fields).toHaveProperty("replacesAssignmentId");

    const readOnly = await callApi(createRoute, agentsEndpoints.createRequest, { token: await testApiToken(customer, ["agents:read"]), body: {} });
    expect(readOnly.status).toBe(403);
    expect(await requestsOf(customer.accountId!)).toEqual([]);
  });

  it("pages through the account's requests exactly as the agents page lists them, and shows no other account's", async () => {
    const [customer, other, staff] = await Promise.all([signedInUser("customer", "api-agent-list"), signedInUser("customer", "api-agent-list-other"), signedInUser("admin", "api-agent-list-staff")]);
    for (const notes of ["first", "second", "third", "fourth"]) {
      const created = await createAgentRequest(customer, { agentId: null, replacesAssignmentId: null, language: null, specialty: null, notes }, info);
      if (created.status !== "ok") throw new Error(created.status);
      if (notes !== "fourth") await declineAgentRequest(staff, { requestId: created.id, reason: "Not now" }, info);
    }
    await createAgentRequest(other, { agentId: null, replacesAssignmentId: null, language: null, specialty: null, notes: "theirs" }, info);
    const token = await testApiToken(customer, ["agents:read"]);

    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const { status, json } = await callApi(requestsRoute, agentsEndpoints.requests, { token, query: { limit: "3", ...(cursor ? { cursor } : {}) } });
      expect(status).toBe(200);
      ids.push(...json.data.map((request: { id: string }) => request.id));
      cursor = json.nextCursor;
    } while (cursor);
    expect(ids).toEqual((await listAgentRequestsForAccount(customer.accountId!)).map((request) => request.id));
    expect(ids).toHaveLength(4);

    const first = await callApi(requestsRoute, agentsEndpoints.requests, { token, query: { limit: "2" } });
    expect(first.json.data.map((request: { notes: string; status: string }) => [request.notes, request.status])).toEqual([
      ["fourth", "pending"],
      ["third", "declined"],
    ]);
    expect(first.json.data[1].declineReason).toBe("Not now");
  });
});
