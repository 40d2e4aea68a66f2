import { expect, test } from "@playwright/test";
import { expectNoCrossUserAccess, twoCustomers, type Customer, type OwnedResource } from "./security/cross-user";

const notes = Buffer.from("Meeting notes — only for the owner's eyes.\n");

async function upload(customer: Customer, fileName: string, body: Buffer, headers: Record<string, string> = {}) {
  return customer.context.request.post("/api/uploads?purpose=message_attachment", { data: body, headers: { "x-file-name": encodeURIComponent(fileName), "content-type": "application/octet-stream", ...headers } });
}

/** A file chosen in a form but not sent yet: nobody but its uploader may fetch it, not even a colleague-to-be. */
const pendingUploads: OwnedResource = {
  name: "pending uploads",
  async create(owner) {
    const response = await upload(owner, "owner-notes.txt", notes);
    expect(response.status()).toBe(201);
    const { file } = (await response.json()) as { file: { id: string } };
    return { id: file.id, canaries: ["only for the owner's eyes"] };
  },
  routes: (id) => [`/api/files/${id}`],
  async ownerView(owner, id) {
    const file = await owner.context.request.get(`/api/files/${id}`);
    return { status: file.status(), body: await file.text(), disposition: file.headers()["content-disposition"] };
  },
};

test("a customer cannot fetch another customer's upload, and uploads are checked by name, content and origin", async ({ browser }) => {
  const customers = await twoCustomers(browser);
  await expectNoCrossUserAccess(pendingUploads, customers);
  const { owner } = customers;

  const refusals = [
    await upload(owner, "../../secrets.txt", notes),
    await upload(owner, "invoice.pdf", notes),
    await upload(owner, "page.html", Buffer.from("<html><script>alert(1)</script></html>")),
    await upload(owner, "empty.txt", Buffer.alloc(0)),
  ];
  expect(refusals.map((response) => response.status())).toEqual([400, 415, 415, 400]);
  for (const response of refusals) expect(((await response.json()) as { error: { message: string } }).error.message).toBeTruthy();
  // A form on another site cannot drop files into a signed-in customer's session.
  expect((await upload(owner, "notes.txt", notes, { origin: "https://evil.example" })).status()).toBe(403);
  expect((await owner.context.request.post("/api/uploads?purpose=deliverable", { data: notes, headers: { "x-file-name": "notes.txt" } })).status()).toBe(403);
  await owner.context.close();
  await customers.intruder.context.close();
});
