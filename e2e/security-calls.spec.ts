import { expect, test, type Browser } from "@playwright/test";
import { e2eCallsCustomer } from "./calls";
import { createVerifiedCustomer, newClient, signIn, uniqueIp } from "./helpers";
import { expectNoCrossUserAccess, type Customer, type OwnedResource } from "./security/cross-user";
import { e2ePassword } from "./users";

/** The calls customer's recorded call: only their account sees it, plays it or finds it. */
const recordedCall: OwnedResource = {
  name: "calls",
  async create() {
    return { id: e2eCallsCustomer.recordedCallId, canaries: [e2eCallsCustomer.recordedSummary, e2eCallsCustomer.recordedTranscript] };
  },
  pages: (id) => [`/dashboard/calls/${id}`],
  lists: ["/dashboard/calls", "/dashboard/calls?q=Canary+summary", "/dashboard"],
  // The recording is also a stored file: its own route must refuse another customer too.
  routes: (id) => [`/api/calls/${id}/recording`, `/api/files/${e2eCallsCustomer.recordingFileId}`],
  async ownerView(owner, id) {
    const page = await owner.context.request.get(`/dashboard/calls/${id}`);
    const recording = await owner.context.request.get(`/api/calls/${id}/recording`, { headers: { range: "bytes=0-99" } });
    return { status: page.status(), shown: (await page.text()).includes(e2eCallsCustomer.recordedSummary), recording: recording.status(), bytes: (await recording.body()).length };
  },
};

async function callsOwner(browser: Browser): Promise<Customer> {
  const ip = uniqueIp();
  const context = await newClient(browser, { ip });
  await signIn(await context.newPage(), { email: e2eCallsCustomer.email, password: e2ePassword });
  return { context, email: e2eCallsCustomer.email, ip, password: e2ePassword };
}

async function intruder(browser: Browser): Promise<Customer> {
  const password = "Ivan Intruder passphrase";
  const email = await createVerifiedCustomer(browser, "Ivan Intruder", password);
  const ip = uniqueIp();
  const context = await newClient(browser, { ip });
  await signIn(await context.newPage(), { email, password });
  return { context, email, ip, password };
}

test("a customer can neither see, play nor find another customer's call, nor export it", async ({ browser }) => {
  test.setTimeout(120_000);
  const customers = { owner: await callsOwner(browser), intruder: await intruder(browser) };
  await expectNoCrossUserAccess(recordedCall, customers);

  const request = customers.intruder.context.request;
  const id = e2eCallsCustomer.recordedCallId;
  // A ranged request for the recording gets the same 404 and no bytes of it.
  for (const range of ["bytes=0-99", "bytes=100-", "bytes=-100"]) {
    const response = await request.get(`/api/calls/${id}/recording`, { headers: { range } });
    expect(response.status(), range).toBe(404);
    expect(response.headers()["content-range"], range).toBeUndefined();
    expect(response.headers()["content-type"], range).toContain("application/json");
  }
  // The export is the intruder's own (empty) history, whatever the filters.
  const exported = await request.get("/api/calls/export?q=Canary+summary");
  expect(exported.status()).toBe(200);
  const csv = await exported.text();
  expect(csv.trim().split("\n")).toHaveLength(1);
  for (const canary of [id, e2eCallsCustomer.recordedSummary]) expect(csv).not.toContain(canary);

  await customers.owner.context.close();
  await customers.intruder.context.close();
});
