import { randomUUID } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { signedInAs } from "./helpers";
import { callAction, describeAnswer, findServerAction } from "./security/actions";
import { expectNoCrossUserAccess, twoCustomers, type Customer, type OwnedResource } from "./security/cross-user";

/** The owner asks for an agent through the form's action; the request's id is read from the owner's own page. */
async function requestAgent(owner: Customer, notes: string, agentId = "") {
  const answer = await callAction(owner.context.request, findServerAction("createAgentRequestAction"), { fields: { agentId, language: "de", specialty: "Sales", notes } });
  expect(answer.redirect, describeAnswer(answer)).toBe("/dashboard/agents?sent=1");
  const html = await (await owner.context.request.get("/dashboard/agents")).text();
  const id = /id="request-([0-9a-f-]{36})"/.exec(html)?.[1];
  expect(id, "the owner's page lists the request").toBeTruthy();
  return id!;
}

async function ownerPage(owner: Customer) {
  const page = await owner.context.request.get("/dashboard/agents");
  return { status: page.status(), html: await page.text() };
}

const agentRequests: OwnedResource = {
  name: "agent requests",
  async create(owner) {
    const canary = `Only the owner asked this ${randomUUID().slice(0, 8)}`;
    return { id: await requestAgent(owner, canary), canaries: [canary] };
  },
  lists: ["/dashboard/agents", "/dashboard/agents/request"],
  async ownerView(owner, id) {
    const { status, html } = await ownerPage(owner);
    return { status, listed: html.includes(`request-${id}`), pending: html.includes("Pending") };
  },
};

/** An agent staff assigned to the owner (through the request queue), with its numbers: none of it reaches another customer's agents page. */
function assignedAgents(browser: Browser): OwnedResource {
  return {
    name: "assigned agents",
    async create(owner) {
      const name = `Agent of the owner ${randomUUID().slice(0, 8)}`;
      const bio = `Bio only the owner sees ${randomUUID().slice(0, 8)}`;
      const staff = await signedInAs(browser, "admin");
      const created = await callAction(staff.request, findServerAction("createAgentAction"), { fields: { name, kind: "human", languages: "de", specialties: "", bio, active: "on" } });
      const agentId = /\/admin\/agents\/([0-9a-f-]{36})/.exec(created.redirect ?? "")?.[1];
      expect(agentId, describeAnswer(created)).toBeTruthy();
      const requestId = await requestAgent(owner, "Assign me an agent", agentId);
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      const approved = await callAction(staff.request, findServerAction("approveAgentRequestAction"), { fields: { requestId, agentId: agentId!, role: "primary", startsOn: yesterday } });
      expect(approved.state?.ok, describeAnswer(approved)).toBe(true);
      await staff.close();
      return { id: agentId!, canaries: [bio] };
    },
    // The agent's name is public (any customer may ask for an active agent), its work for the owner is not.
    lists: ["/dashboard/agents"],
    async ownerView(owner) {
      const { status, html } = await ownerPage(owner);
      return { status, assigned: html.includes("Bio only the owner sees") && html.includes("Calls handled") };
    },
  };
}

test("a customer sees neither another customer's agent requests nor their agents", async ({ browser }) => {
  const customers = await twoCustomers(browser);
  // The assignment first: it decides the owner's request, and an account has one pending at a time.
  await expectNoCrossUserAccess(assignedAgents(browser), customers);
  await expectNoCrossUserAccess(agentRequests, customers);
  await customers.owner.context.close();
  await customers.intruder.context.close();
});
