import { expect, test } from "@playwright/test";
import messages from "@/lib/i18n/messages/en.json" with { type: "json" };
import { callAction, describeAnswer, findServerAction } from "./security/actions";
import { expectNoCrossUserAccess, twoCustomers, type Customer, type OwnedResource } from "./security/cross-user";

/** The owner's pending request, as the "Start a call" form sends it: its number and notes are the canaries. */
async function requestCall(owner: Customer) {
  const number = `+4930${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
  const notes = `Only the owner knows ${crypto.randomUUID().slice(0, 8)}`;
  // Hours ahead (in any zone the customer has), so no platform claims it while the intruder tries.
  const scheduledFor = new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 16);
  const answer = await callAction(owner.context.request, findServerAction("createCallRequestAction"), { fields: { toNumber: number, agentId: "", scheduledFor, notes } });
  expect(answer.state?.ok, describeAnswer(answer)).toBe(true);
  const html = await (await owner.context.request.get("/dashboard/calls/requests")).text();
  const id = /name="requestId" value="([0-9a-f-]{36})"/.exec(html)?.[1];
  expect(id, "the owner's page offers to cancel the request").toBeTruthy();
  return { id: id!, canaries: [number, notes] };
}

const callRequests: OwnedResource = {
  name: "call requests",
  create: requestCall,
  lists: ["/dashboard/calls/requests"],
  actions: [{ name: "cancelCallRequestAction", fields: (id) => ({ requestId: id }), refusal: messages.callRequests.notFound }],
  async ownerView(owner, id) {
    const html = await (await owner.context.request.get("/dashboard/calls/requests")).text();
    // Still pending: the owner is still offered to cancel it.
    return { pending: html.includes(`name="requestId" value="${id}"`) };
  },
};

test("a customer can neither see nor cancel another customer's call request", async ({ browser }) => {
  const customers = await twoCustomers(browser);
  await expectNoCrossUserAccess(callRequests, customers);
  await customers.owner.context.close();
  await customers.intruder.context.close();
});
