import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { createVerifiedCustomer, newClient, signedInAs, signIn } from "./helpers";
import { staffCreatesProject, uniqueProjectName } from "./projects";

type Received = { headers: Record<string, string>; body: string };

/** A receiver on a random loopback port that records every POST and answers 200. */
async function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, [value].flat().join(", ")]));
      received.push({ headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(200, { "content-type": "text/plain" }).end("thanks");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { received, url: `http://127.0.0.1:${port}/hooks/clientdesk`, close: () => new Promise((resolve) => server.close(resolve)) };
}

const addForm = (page: Page) => page.getByRole("form", { name: "Add endpoint" });

test("an account owner registers a webhook for a local receiver, copies its secret, and a project status change arrives signed, shows in the delivery log and is replayed; the secret rotates; another customer finds neither endpoint nor delivery; it is turned off, on and deleted", async ({ browser }) => {
  test.setTimeout(120_000);
  const receiver = await startReceiver();
  const password = "Wendy Webhook passphrase";
  const email = await createVerifiedCustomer(browser, "Wendy Webhook", password);
  const context = await newClient(browser, { permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await signIn(page, { email, password });

  await page.goto("/dashboard/settings");
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Webhooks", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard\/settings\/webhooks$/);
  await expect(page.getByRole("table", { name: "Your webhook endpoints" })).toContainText("No endpoints yet.");

  // A private address is refused next to the URL field, in words, and what was entered stays.
  await addForm(page).getByLabel("Endpoint URL").fill("http://10.0.0.5/hooks");
  await addForm(page).getByLabel("project.status_changed").check();
  await addForm(page).getByRole("button", { name: "Add endpoint" }).click();
  await expect(addForm(page).getByText("This address points into a private network")).toBeVisible();
  await expect(addForm(page).getByLabel("Endpoint URL")).toHaveAttribute("aria-invalid", "true");
  await expect(addForm(page).getByLabel("Endpoint URL")).toHaveValue("http://10.0.0.5/hooks");
  await expect(addForm(page).getByLabel("project.status_changed")).toBeChecked();
  await expect(page.getByRole("table", { name: "Your webhook endpoints" })).toContainText("No endpoints yet.");

  // The e2e server allows loopback targets (WEBHOOK_ALLOW_PRIVATE_TARGETS), as local development does.
  await addForm(page).getByLabel("Endpoint URL").fill(receiver.url);
  await addForm(page).getByLabel("Description (optional)").fill("Local receiver");
  await addForm(page).getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByTestId("form-message").filter({ hasText: "The endpoint was added." })).toBeVisible();
  const secretField = page.getByRole("textbox", { name: "Signing secret" });
  await expect(secretField).toHaveValue(/^whsec_/);
  await expect(page.getByText("it is shown only once")).toBeVisible();
  await page.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  const secret = await page.evaluate(() => navigator.clipboard.readText());
  expect(secret).toBe(await secretField.inputValue());
  const endpoints = page.getByRole("table", { name: "Your webhook endpoints" });
  const row = endpoints.getByRole("row").filter({ hasText: receiver.url });
  await expect(row).toContainText("Local receiver");
  await expect(row).toContainText("1 event");
  await expect(row).toContainText("Enabled");
  await expect(row).toContainText("None yet");
  // Shown once: after a reload the secret is gone for good.
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Signing secret" })).toHaveCount(0);

  // Staff move the customer's new project along: the event goes out through the job worker.
  const name = uniqueProjectName("Hooked");
  const projectId = await staffCreatesProject(browser, { customerEmail: email, name }, async (staff) => {
    await staff.getByLabel("Status", { exact: true }).selectOption({ label: "In progress" });
    await staff.getByRole("button", { name: "Change status" }).click();
    await expect(staff.getByTestId("form-message").filter({ hasText: "The status has been changed" })).toBeVisible();
  });
  await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(1);
  const first = receiver.received[0]!;
  expect(first.headers["content-type"]).toBe("application/json");
  expect(first.headers["webhook-id"]).toMatch(/^msg_/);
  const event = new Webhook(secret).verify(first.body, first.headers) as { type: string; data: Record<string, unknown> };
  expect(event).toMatchObject({ type: "project.status_changed", data: { id: projectId, name, to: "in_progress" } });
  // A wrong secret does not verify: the signature is over this body with this secret.
  expect(() => new Webhook(`whsec_${Buffer.from("not the secret, not the secret!!").toString("base64")}`).verify(first.body, first.headers)).toThrow();

  // The log shows the delivery: succeeded with 200.
  // The attempt is recorded once the receiver's answer is in: a moment after it got the request.
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText("Succeeded · 200", { timeout: 1_000 });
  }).toPass();
  await row.getByRole("link", { name: receiver.url }).click();
  await expect(page).toHaveURL(/\/dashboard\/settings\/webhooks\/[0-9a-f-]{36}$/);
  const log = page.getByRole("table", { name: "Deliveries to this endpoint, newest first" });
  const delivery = log.getByRole("row").filter({ hasText: "project.status_changed" });
  await expect(delivery).toHaveCount(1);
  await expect(delivery).toContainText(first.headers["webhook-id"]!);
  await expect(delivery).toContainText("Succeeded · 200");
  await expect(delivery.getByRole("cell").nth(1)).toHaveText("1");

  await delivery.getByRole("link", { name: "project.status_changed" }).click();
  await expect(page.getByRole("heading", { name: "Delivery of project.status_changed" })).toBeVisible();
  await expect(page.getByTestId("delivery-body")).toContainText(`"id": "${projectId}"`);
  await expect(page.getByRole("region", { name: "Request" })).toContainText("webhook-signature: v1,");
  const attempts = page.getByRole("list", { name: "Attempts" }).getByRole("listitem");
  await expect(attempts).toHaveCount(1);
  await expect(attempts.first()).toContainText("Answered 200");
  await expect(attempts.first()).toContainText("thanks");

  // A replay sends the same event again: same webhook-id and body, still verifying.
  await page.getByRole("button", { name: "Replay" }).click();
  await expect(page.getByTestId("form-message").filter({ hasText: "The event is being sent again." })).toBeVisible();
  await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(2);
  const second = receiver.received[1]!;
  expect(second.headers["webhook-id"]).toBe(first.headers["webhook-id"]);
  expect(new Webhook(secret).verify(second.body, second.headers)).toEqual(event);
  await page.getByRole("link", { name: "Back to the endpoint" }).click();
  await expect(log.getByRole("row").filter({ hasText: "project.status_changed" })).toHaveCount(2);
  await expect(async () => {
    await page.reload();
    await expect(log.getByRole("row").filter({ hasText: "Replayed" })).toContainText("Succeeded · 200", { timeout: 1_000 });
  }).toPass();

  // Rotating shows a new secret once; the old one keeps signing beside it for a day.
  await page.getByRole("button", { name: "Rotate secret" }).click();
  const confirm = page.getByRole("dialog", { name: "Rotate the signing secret?" });
  await expect(confirm).toContainText("For 24 hours deliveries carry signatures of both the old and the new secret");
  await confirm.getByRole("button", { name: "Rotate the secret" }).click();
  await expect(page.getByTestId("form-message").filter({ hasText: "The secret was rotated." })).toBeVisible();
  const rotated = await page.getByRole("textbox", { name: "New signing secret" }).inputValue();
  expect(rotated).toMatch(/^whsec_/);
  expect(rotated).not.toBe(secret);
  await expect(page.getByText("The old secret keeps signing alongside it for 24 hours")).toBeVisible();

  // Another customer gets the app's not-found page for this endpoint and its delivery, and sees no trace of them.
  const endpointPath = new URL(page.url()).pathname;
  await page.getByRole("link", { name: "project.status_changed" }).first().click();
  await expect(page).toHaveURL(/\/deliveries\/[0-9a-f-]{36}$/);
  const deliveryPath = new URL(page.url()).pathname;
  const stranger = await signedInAs(browser, "customer");
  const strangerPage = await stranger.newPage();
  for (const path of [endpointPath, deliveryPath]) {
    await strangerPage.goto(path);
    await expect(strangerPage.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(strangerPage.locator("main")).not.toContainText(receiver.url);
    await expect(strangerPage.locator("main")).not.toContainText(first.headers["webhook-id"]!);
  }
  await stranger.close();
  await page.goto(endpointPath);

  // On a phone the log scrolls inside its own box; the page itself does not scroll sideways.
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Turned off, it says so; on again; then deleted behind its confirmation.
  const endpointCard = page.getByRole("region", { name: "Endpoint", exact: true });
  await endpointCard.getByRole("button", { name: "Turn off" }).click();
  await expect(endpointCard.getByTestId("form-message")).toHaveText("The endpoint is off. No events are sent to it until you turn it on again.");
  await expect(endpointCard.getByText("Disabled", { exact: true })).toBeVisible();
  await endpointCard.getByRole("button", { name: "Turn on" }).click();
  await expect(endpointCard.getByTestId("form-message")).toHaveText("The endpoint is on. New events will be delivered to it.");
  await expect(endpointCard.getByText("Enabled", { exact: true })).toBeVisible();
  await page.getByRole("region", { name: "Delete endpoint" }).getByRole("button", { name: "Delete endpoint" }).click();
  await page.getByRole("dialog", { name: "Delete endpoint" }).getByRole("button", { name: "Delete the endpoint" }).click();
  await expect(page).toHaveURL(/\/dashboard\/settings\/webhooks\?deleted=1$/);
  await expect(page.getByTestId("form-message")).toHaveText("The endpoint was deleted.");
  await expect(page.getByRole("table", { name: "Your webhook endpoints" })).toContainText("No endpoints yet.");

  await context.close();
  await receiver.close();
});
