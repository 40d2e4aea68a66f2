import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { createVerifiedCustomer, newClient, signedInAs, signIn } from "./helpers";
import { callAction, describeAnswer, findServerAction } from "./security/actions";
import { e2eUsers } from "./users";

const pdf = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
const text = (label: string) => Buffer.from(`Notes for ${label}\nGrüße aus Berlin\n`);

/** Chooses files in the message form's picker and waits until each is uploaded. */
async function attach(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[], label = "Attachments") {
  const form = page.locator("form").filter({ visible: true }).filter({ has: page.getByLabel(label, { exact: true }) });
  await form.getByLabel(label, { exact: true }).setInputFiles(files);
  for (const file of files) await expect(form.getByRole("listitem").filter({ hasText: file.name })).not.toContainText(/Uploading|Wird hochgeladen/);
}

/** The number the sidebar's Messages item announces ("Messages, 2 unread"), 0 without a badge. */
async function unreadInNav(page: Page): Promise<number> {
  const name = (await page.getByRole("complementary").getByRole("link", { name: /^Messages/ }).textContent()) ?? "";
  return Number(/(\d+) unread/.exec(name)?.[1] ?? 0);
}

async function expectNoPageOverflow(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

const bytesOf = async (download: Promise<import("@playwright/test").Download>) => fs.readFileSync((await (await download).path())!);

function rowOf(page: Page, subject: string): Locator {
  return page.getByRole("row").filter({ hasText: subject });
}

test("a customer writes with a file, staff see it unread, answer with a file, and the customer downloads that file unchanged", async ({ browser }) => {
  const subject = `Launch date ${randomUUID().slice(0, 8)}`;
  const customer = await signedInAs(browser, "customer");
  const page = await customer.newPage();
  await page.goto("/dashboard/messages");
  await page.getByRole("link", { name: "New message" }).first().click();
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("Message", { exact: true }).fill("Can we launch on Monday?\nThe notes are attached.");
  await attach(page, [{ name: "notes.txt", mimeType: "text/plain", buffer: text(subject) }]);
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page).toHaveURL(/\/dashboard\/messages\/[0-9a-f-]{36}$/);
  const threadUrl = new URL(page.url()).pathname;
  const threadId = threadUrl.split("/").at(-1)!;
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  const sent = page.getByRole("list", { name: "Messages in this conversation" }).getByRole("article");
  await expect(sent).toHaveCount(1);
  await expect(sent.first()).toContainText("Can we launch on Monday?");
  await expect(sent.first().getByRole("link", { name: /^Download notes\.txt/ })).toBeVisible();
  await page.goto("/dashboard/messages?box=sent");
  await expect(page.getByRole("list", { name: "Conversations" }).getByRole("link", { name: new RegExp(subject) })).toBeVisible();

  const staff = await signedInAs(browser, "admin");
  const admin = await staff.newPage();
  await admin.goto("/admin/users");
  expect(await unreadInNav(admin)).toBeGreaterThan(0);
  await admin.getByRole("complementary").getByRole("link", { name: /^Messages/ }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Messages" })).toBeVisible();
  await expect(rowOf(admin, subject)).toContainText("Unread");
  await expect(rowOf(admin, subject)).toContainText(e2eUsers.customer.name);
  const staffUnread = await unreadInNav(admin);
  await rowOf(admin, subject).getByRole("link", { name: new RegExp(subject) }).click();
  await expect(admin.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  await expect(admin.getByRole("link", { name: e2eUsers.customer.name }).first()).toHaveAttribute("href", /^\/admin\/users\/[0-9a-f-]{36}$/);
  const customerFile = await admin.getByRole("link", { name: /^Download notes\.txt/ }).getAttribute("href");
  expect((await (await staff.request.get(customerFile!)).body()).equals(text(subject))).toBe(true);
  await expect.poll(() => unreadInNav(admin), { message: "opening it marked it read for this staff user" }).toBe(staffUnread - 1);

  const answer = pdf(`answer ${subject}`);
  await admin.getByLabel("Message", { exact: true }).fill("Monday works. The plan is attached.");
  await attach(admin, [{ name: "plan.pdf", mimeType: "application/pdf", buffer: answer }]);
  await admin.getByRole("button", { name: "Send message" }).click();
  await expect(admin.getByTestId("form-message")).toHaveText("Your message has been sent.");
  await expect(admin.getByRole("list", { name: "Messages in this conversation" }).getByRole("article")).toHaveCount(2);
  await expect(admin.getByLabel("Message", { exact: true }), "the sent text is cleared").toHaveValue("");
  await admin.goto("/admin/messages");
  await expect(rowOf(admin, subject)).not.toContainText("Unread");

  // The customer's open Messages page follows without a reload; their sidebar and inbox say so until they open it.
  await expect(page.getByRole("list", { name: "Conversations" }).getByRole("link", { name: new RegExp(subject) })).toContainText("Monday works.");
  await expect(page.getByRole("status").getByRole("region", { name: "New notification" })).toContainText(subject);
  await page.goto("/dashboard/messages");
  const customerUnread = await unreadInNav(page);
  expect(customerUnread).toBeGreaterThan(0);
  const inboxRow = page.getByRole("list", { name: "Conversations" }).getByRole("link", { name: new RegExp(subject) });
  await expect(inboxRow).toContainText("Unread");
  await expect(inboxRow).toContainText("Monday works.");
  await inboxRow.click();
  await expect(page).toHaveURL(threadUrl);
  await expect.poll(() => unreadInNav(page)).toBe(customerUnread - 1);
  const reply = page.getByRole("list", { name: "Messages in this conversation" }).getByRole("article").nth(1);
  await expect(reply).toContainText(e2eUsers.admin.name);
  await expect(reply).toContainText("Team");
  const downloaded = bytesOf(page.waitForEvent("download"));
  await reply.getByRole("link", { name: /^Download plan\.pdf/ }).click();
  expect((await downloaded).equals(answer), "the downloaded file is byte-identical").toBe(true);

  // The staff file is the customer account's now, and nobody else's.
  const fileHref = (await reply.getByRole("link", { name: /^Download plan\.pdf/ }).getAttribute("href"))!;
  const stranger = await newClient(browser);
  expect((await stranger.request.get(fileHref, { maxRedirects: 0 })).status()).toBe(401);
  await stranger.close();
  expect(threadId).toMatch(/^[0-9a-f-]{36}$/);
  await customer.close();
  await staff.close();
});

test("staff start a conversation with a customer, close it, the customer's reply opens it again, and staff reopen it after closing", async ({ browser }) => {
  const subject = `Kick-off ${randomUUID().slice(0, 8)}`;
  const staff = await signedInAs(browser, "admin");
  const admin = await staff.newPage();
  await admin.goto("/admin/messages");
  await admin.getByRole("link", { name: "New message" }).click();
  await admin.getByLabel("Find a customer").fill(e2eUsers.customer.email);
  await admin.getByRole("button", { name: "Search" }).click();
  await admin.getByRole("link", { name: `Write to ${e2eUsers.customer.name}` }).click();
  await admin.getByLabel("Subject").fill(subject);
  await admin.getByLabel("Message", { exact: true }).fill("Shall we meet on Tuesday?");
  await admin.getByRole("button", { name: "Send message" }).click();
  await expect(admin).toHaveURL(/\/admin\/messages\/[0-9a-f-]{36}$/);
  const adminThreadUrl = new URL(admin.url()).pathname;

  await admin.getByRole("button", { name: "Close conversation" }).click();
  const dialog = admin.getByRole("dialog", { name: "Close this conversation?" });
  await dialog.getByRole("button", { name: "Close conversation" }).click();
  await expect(admin.getByTestId("form-message")).toHaveText("The conversation is closed.");
  await expect(admin.getByRole("button", { name: "Reopen conversation" })).toBeVisible();

  const customer = await signedInAs(browser, "customer");
  const page = await customer.newPage();
  await page.goto("/dashboard/messages");
  await page.getByRole("list", { name: "Conversations" }).getByRole("link", { name: new RegExp(subject) }).click();
  await expect(page.getByText("The team closed this conversation.")).toBeVisible();
  await page.getByLabel("Message", { exact: true }).fill("Tuesday is fine, one more question though.");
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Your message has been sent.");
  await expect(page.getByText("The team closed this conversation.")).toHaveCount(0);
  await expect(page.getByText("Open", { exact: true })).toBeVisible();

  await admin.goto(`/admin/messages?status=open&query=${encodeURIComponent(subject)}`);
  await expect(rowOf(admin, subject)).toContainText("Awaiting reply");
  await admin.goto(adminThreadUrl);
  await admin.getByRole("button", { name: "Close conversation" }).click();
  await admin.getByRole("dialog", { name: "Close this conversation?" }).getByRole("button", { name: "Close conversation" }).click();
  await expect(admin.getByTestId("form-message")).toHaveText("The conversation is closed.");
  await admin.getByRole("button", { name: "Reopen conversation" }).click();
  await expect(admin.getByTestId("form-message")).toHaveText("The conversation is open again.");
  await admin.goto("/admin/audit?action=admin.thread_reopened");
  await expect(admin.getByRole("table").locator("tbody tr").first()).toContainText(e2eUsers.admin.name);
  await customer.close();
  await staff.close();
});

test("a message with missing or overlong fields, or another customer's project, is refused next to the field and nothing is sent", async ({ browser }) => {
  const subject = `Refused ${randomUUID().slice(0, 8)}`;
  const customer = await signedInAs(browser, "customer");
  const page = await customer.newPage();
  await page.goto("/dashboard/messages/new");
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByLabel("Subject")).toHaveAccessibleDescription("Enter a subject.");
  await expect(page.getByLabel("Message", { exact: true })).toHaveAccessibleDescription(/Write a message\./);

  // Past the field's own limit (a tampered form): the server says so, and keeps what was typed.
  await page.getByLabel("Subject").evaluate((input: HTMLInputElement, value) => (input.value = value), "x".repeat(201));
  await page.getByLabel("Message", { exact: true }).fill("Body that must survive the refusal");
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByLabel("Subject")).toHaveAccessibleDescription("Use at most 200 characters.");
  await expect(page.getByLabel("Message", { exact: true })).toHaveValue("Body that must survive the refusal");

  // A project id that is not one of the account's (sent as a tampered form would).
  const answer = await callAction(customer.request, findServerAction("startThreadAction"), {
    fields: { subject, body: "About someone else's project", projectId: randomUUID() },
  });
  expect(answer.state, describeAnswer(answer)).toMatchObject({ ok: false, fieldErrors: { projectId: "Choose one of your own projects." } });
  await page.goto(`/dashboard/messages?box=sent&query=${encodeURIComponent(subject)}`);
  await expect(page.getByText(`No conversations match “${subject}”`)).toBeVisible();
  await customer.close();
});

async function germanDarkCustomer(browser: Browser) {
  const password = "Greta's passphrase";
  const email = await createVerifiedCustomer(browser, "Greta Grau", password);
  const context = await newClient(browser, { viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await signIn(page, { email, password });
  const saved = await callAction(context.request, findServerAction("updatePreferencesAction"), { fields: { theme: "dark", locale: "de", timeZone: "Europe/Berlin", dateFormat: "locale", timeFormat: "locale", dashboardDensity: "default" } });
  expect(saved.state?.ok, describeAnswer(saved)).toBe(true);
  return { context, page };
}

test("on a 375 px phone the messages pages fit: a customer in German with the dark theme, staff in English", async ({ browser }) => {
  const { context, page } = await germanDarkCustomer(browser);
  await page.goto("/dashboard/messages");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByRole("heading", { level: 1, name: "Nachrichten" })).toBeVisible();
  await expect(page.getByText("Sie haben dem Team noch nicht geschrieben").or(page.getByText("Noch keine Nachrichten vom Team"))).toBeVisible();
  await expectNoPageOverflow(page);
  await page.getByRole("link", { name: "Neue Nachricht" }).first().click();
  await page.getByLabel("Betreff").fill("Eine sehr lange Betreffzeile, die auf einem Telefon umbrechen muss, ohne die Seite zu verbreitern");
  await page.getByLabel("Nachricht", { exact: true }).fill(`Ein langes Wort: ${"Donaudampfschifffahrtsgesellschaft".repeat(3)}`);
  await attach(page, [{ name: "ein-sehr-langer-dateiname-fuer-das-angebot-2026.pdf", mimeType: "application/pdf", buffer: pdf("phone") }], "Anhänge");
  await expectNoPageOverflow(page);
  await page.getByRole("button", { name: "Nachricht senden" }).click();
  await expect(page).toHaveURL(/\/dashboard\/messages\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("link", { name: /herunterladen/ })).toBeVisible();
  await expect(page.getByText("Offen", { exact: true })).toBeVisible();
  await expectNoPageOverflow(page);
  const threadId = new URL(page.url()).pathname.split("/").at(-1)!;
  await page.goto("/dashboard/messages?box=sent");
  await expectNoPageOverflow(page);
  await context.close();

  const staff = await signedInAs(browser, "admin", { viewport: { width: 375, height: 800 } });
  const admin = await staff.newPage();
  await admin.goto("/admin/messages");
  await expect(admin.getByRole("heading", { level: 1, name: "Messages" })).toBeVisible();
  await expectNoPageOverflow(admin);
  await admin.goto(`/admin/messages/${threadId}`);
  await expect(admin.getByRole("link", { name: "Greta Grau" }).first()).toBeVisible();
  await expectNoPageOverflow(admin);
  await admin.goto("/admin/messages/new");
  await expectNoPageOverflow(admin);
  await staff.close();
});
