import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import messages from "@/lib/i18n/messages/en.json" with { type: "json" };
import { expectNoCrossUserAccess, twoCustomers, type OwnedResource } from "./security/cross-user";

/**
 * A conversation with the team, started on the Messages page with a file attached: its page, the
 * lists, the reply action and the attachment's download are the owner's account's alone.
 */
function threads(): OwnedResource {
  let fileId = "";
  return {
    name: "message threads",
    async create(owner) {
      const marker = randomUUID().slice(0, 8);
      const canaries = [`Owner subject ${marker}`, `Owner private text ${marker}`, `owner-${marker}.txt`];
      const page = await owner.context.newPage();
      await page.goto("/dashboard/messages/new");
      await page.getByLabel("Subject").fill(canaries[0]!);
      await page.getByLabel("Message", { exact: true }).fill(canaries[1]!);
      await page.getByLabel("Attachments", { exact: true }).setInputFiles({ name: canaries[2]!, mimeType: "text/plain", buffer: Buffer.from(`secret ${marker}\n`) });
      await expect(page.getByRole("listitem").filter({ hasText: canaries[2]! })).not.toContainText("Uploading");
      await page.getByRole("button", { name: "Send message" }).click();
      await expect(page).toHaveURL(/\/dashboard\/messages\/[0-9a-f-]{36}$/);
      const id = new URL(page.url()).pathname.split("/").at(-1)!;
      const href = await page.getByRole("link", { name: new RegExp(`^Download ${canaries[2]}`) }).getAttribute("href");
      fileId = /^\/api\/files\/([0-9a-f-]{36})$/.exec(href ?? "")?.[1] ?? "";
      expect(fileId, "the owner's thread shows the attachment's download").not.toBe("");
      await page.close();
      return { id, canaries };
    },
    pages: (id) => [`/dashboard/messages/${id}`],
    lists: ["/dashboard/messages", "/dashboard/messages?box=sent", `/dashboard/messages?box=sent&query=${encodeURIComponent("Owner")}`, "/dashboard"],
    actions: [{ name: "replyToThreadAction", fields: (id) => ({ threadId: id, body: "An intruder's reply" }), refusal: messages.messaging.form.notFound }],
    routes: () => [`/api/files/${fileId}`],
    async ownerView(owner, id) {
      const page = await owner.context.request.get(`/dashboard/messages/${id}`);
      const html = await page.text();
      const file = await owner.context.request.get(`/api/files/${fileId}`);
      return { status: page.status(), messages: html.match(/<article/g)?.length ?? 0, intruded: html.includes("An intruder"), file: file.status() };
    },
  };
}

test("a customer can neither open, list, answer nor download from another customer's conversation", async ({ browser }) => {
  const customers = await twoCustomers(browser);
  await expectNoCrossUserAccess(threads(), customers);
  await customers.owner.context.close();
  await customers.intruder.context.close();
});
