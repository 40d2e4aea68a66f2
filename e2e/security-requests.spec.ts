import { expect, test } from "@playwright/test";
import messages from "@/lib/i18n/messages/en.json" with { type: "json" };
import { callAction, describeAnswer, findServerAction } from "./security/actions";
import { expectNoCrossUserAccess, twoCustomers, type Customer, type OwnedResource } from "./security/cross-user";

const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

/** A request sent by the owner with one attachment, as the questionnaire sends it. */
async function sendRequest(owner: Customer, label: string, attachmentIds: string[] = []) {
  const canaries = [`Secret plan ${label}`, `Goals only the owner knows ${label}`];
  const answer = await callAction(owner.context.request, findServerAction("submitProjectRequestAction"), {
    fields: { title: canaries[0]!, goals: canaries[1]!, budgetRange: "over_50k", contactPreference: "phone", ...(attachmentIds[0] ? { attachmentIds: attachmentIds[0] } : {}) },
  });
  const id = /\/dashboard\/projects\/requests\/([0-9a-f-]{36})/.exec(answer.redirect ?? "")?.[1];
  expect(id, describeAnswer(answer)).toBeTruthy();
  return { id: id!, canaries };
}

async function upload(owner: Customer) {
  const response = await owner.context.request.post("/api/uploads?purpose=request_attachment", { data: pdf, headers: { "x-file-name": "owner-brief.pdf", "content-type": "application/pdf" } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { file: { id: string } }).file.id;
}

const requests: OwnedResource = {
  name: "project requests",
  create: (owner) => sendRequest(owner, "request"),
  pages: (id) => [`/dashboard/projects/requests/${id}`],
  lists: ["/dashboard/projects/requests"],
  async ownerView(owner, id) {
    const page = await owner.context.request.get(`/dashboard/projects/requests/${id}`);
    return { status: page.status(), title: (await page.text()).includes("Secret plan request") };
  },
};

/** A file attached to the owner's request: the intruder can neither download it nor attach it to a request of theirs. */
const requestAttachments: OwnedResource = {
  name: "request attachments",
  async create(owner) {
    const fileId = await upload(owner);
    await sendRequest(owner, "attachment", [fileId]);
    return { id: fileId, canaries: ["owner-brief.pdf"] };
  },
  routes: (id) => [`/api/files/${id}`],
  actions: [
    {
      name: "submitProjectRequestAction",
      fields: (id) => ({ title: "Borrowed", goals: "Taking their file", budgetRange: "not_sure", contactPreference: "email", attachmentIds: id }),
      refusal: messages.errors.invalid_attachments,
      field: "attachmentIds",
    },
  ],
  async ownerView(owner, id) {
    const file = await owner.context.request.get(`/api/files/${id}`);
    return { status: file.status(), type: file.headers()["content-type"] };
  },
};

test("a customer can neither see another customer's project request nor find it in their list", async ({ browser }) => {
  const customers = await twoCustomers(browser);
  await expectNoCrossUserAccess(requests, customers);
  await customers.owner.context.close();
  await customers.intruder.context.close();
});

test("a customer can neither download nor attach another customer's request attachment", async ({ browser }) => {
  const customers = await twoCustomers(browser);
  await expectNoCrossUserAccess(requestAttachments, customers);
  await customers.owner.context.close();
  await customers.intruder.context.close();
});
