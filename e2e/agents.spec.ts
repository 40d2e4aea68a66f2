import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { createVerifiedCustomer, newClient, signedInAs, signIn } from "./helpers";

const password = "agent request passphrase 7";

/** Creates an agent through the staff form and returns the URL of its page. */
async function createAgent(page: Page, name: string) {
  await page.goto("/admin/agents/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  const languages = page.getByRole("group", { name: "Languages" });
  await languages.getByLabel("German", { exact: true }).check();
  await languages.getByLabel("English", { exact: true }).check();
  await page.getByLabel("Specialties").fill("Sales, Onboarding");
  await page.getByRole("button", { name: "Create agent" }).click();
  await expect(page).toHaveURL(/\/admin\/agents\/[0-9a-f-]{36}\?created=1$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url().split("?")[0]!;
}

test("staff create an agent, answered next to each field, and give it a photo checked by its content", async ({ browser }) => {
  const name = `Ada ${randomUUID().slice(0, 6)}`;
  const staff = await signedInAs(browser, "admin");
  const page = await staff.newPage();
  await page.goto("/admin/agents");
  await page.getByRole("link", { name: "New agent" }).click();
  await page.getByRole("button", { name: "Create agent" }).click();
  await expect(page.getByText("Enter the agent's name.")).toBeVisible();
  await expect(page.getByText("Choose at least one language.")).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("AI", { exact: true }).check();
  await page.getByRole("group", { name: "Languages" }).getByLabel("German", { exact: true }).check();
  await page.getByLabel("Specialties").fill("Billing, , Billing, Night shift");
  await page.getByLabel("Bio").fill("Answers billing questions around the clock.");
  await page.getByRole("button", { name: "Create agent" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The agent is saved." })).toBeVisible();
  await expect(page.getByLabel("Specialties")).toHaveValue("Billing, Night shift");
  await expect(page.getByLabel("AI", { exact: true })).toBeChecked();

  // A PDF named like an image is refused by its content; a real PNG is re-encoded and shown.
  const photo = page.getByLabel("Agent photo");
  await photo.setInputFiles({ name: "fake.png", mimeType: "image/png", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
  await page.getByRole("button", { name: "Upload photo" }).click();
  await expect(page.getByText("This file is not a JPG, PNG or WebP image.")).toBeVisible();
  const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#2a7f62" } }).png().toBuffer();
  await photo.setInputFiles({ name: "ada.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "Upload photo" }).click();
  await expect(page.getByTestId("form-message").filter({ hasText: "The photo is saved." })).toBeVisible();
  const src = await page.getByRole("region", { name: "Photo" }).locator("img").getAttribute("src");
  expect(src).toMatch(/^\/api\/files\/[0-9a-f-]{36}$/);

  // Customers see agents' photos too: the file route serves it as a re-encoded WebP.
  const customer = await signedInAs(browser, "customer");
  const image = await customer.request.get(src!);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/webp");
  expect((await sharp(Buffer.from(await image.body())).metadata()).width).toBe(300);

  await page.goto("/admin/agents");
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("AI");
  await expect(row).toContainText("German");
  await expect(row.locator("img")).toHaveAttribute("src", src!);
  await Promise.all([staff.close(), customer.close()]);
});

test("a customer asks for an agent with preferences, staff approve it choosing the agent, and the customer sees the agent and the notification", async ({ browser }) => {
  const agentName = `Greta ${randomUUID().slice(0, 6)}`;
  const notes = `Calls from Vienna ${randomUUID().slice(0, 6)}`;
  const staff = await signedInAs(browser, "admin");
  const admin = await staff.newPage();
  await createAgent(admin, agentName);

  const email = await createVerifiedCustomer(browser, "Agatha Asker", password);
  const customer = await newClient(browser);
  const page = await customer.newPage();
  await signIn(page, { email, password });
  await page.goto("/dashboard/agents");
  await expect(page.getByRole("heading", { name: "No agent works for you yet" })).toBeVisible();
  await expect(page.getByText("You have not asked for an agent yet.")).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Request an agent" }).first().click();

  await expect(page.getByText("An account has one request open at a time")).toBeVisible();
  await page.getByLabel("Preferred agent").selectOption({ label: `${agentName} (Human)` });
  await page.getByLabel("Language").selectOption({ label: "German" });
  await page.getByLabel("Specialty").fill("Sales");
  await page.getByLabel("Notes").fill(notes);
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page).toHaveURL(/\/dashboard\/agents\?sent=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Your request is sent." })).toBeFocused();
  await expect(page.getByRole("main").getByRole("link", { name: "Request an agent" })).toHaveCount(0);
  const request = page.getByRole("region", { name: "Your requests" }).getByRole("listitem").filter({ hasText: notes });
  await expect(request).toContainText("Pending");
  await expect(request).toContainText(`Asked for ${agentName} · German · Sales`);
  await page.goto("/dashboard/agents/request");
  await expect(page.getByText("You already have a request waiting.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send request" })).toHaveCount(0);

  // Two staff tabs on the queue: the first approves, the second's decline is refused with a reason.
  const stale = await staff.newPage();
  await admin.goto("/admin/agent-requests");
  await stale.goto("/admin/agent-requests");
  const item = admin.getByRole("listitem").filter({ hasText: notes });
  await expect(item.getByLabel("Agent")).toHaveValue(/[0-9a-f-]{36}/);
  await expect(item.getByLabel("Agent").locator("option:checked")).toHaveText(new RegExp(`^${agentName} \\(Human · `));
  // The customer has no primary agent yet, so the approval offers one.
  await expect(item.getByLabel("Role").locator("option:checked")).toHaveText("Primary");
  await item.getByLabel("Role").selectOption({ label: "Backup" });
  // "Starts on" defaults to today in the staff member's zone (Berlin), which is tomorrow for the customer
  // (the machine's zone) late in the UTC evening: start on the customer's today so the agent works for them now.
  await item.getByLabel("Starts on").fill(new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date()));
  await item.getByRole("button", { name: "Approve and assign" }).click();
  await expect(item.getByTestId("form-message")).toContainText("Approved");
  await expect(item).toContainText(`Assigned ${agentName} as backup agent`);

  const staleItem = stale.getByRole("listitem").filter({ hasText: notes });
  await staleItem.getByLabel("Reason").fill("No German speaker free.");
  await staleItem.getByRole("button", { name: "Decline request" }).click();
  await stale.getByRole("dialog").getByRole("button", { name: "Decline request" }).click();
  await expect(staleItem.getByTestId("form-message")).toContainText("already been decided");
  await expect(staleItem).toContainText("Approved");

  await page.goto("/dashboard/agents");
  const card = page.getByRole("region", { name: agentName });
  await expect(card).toContainText("Human");
  await expect(card).toContainText("Backup");
  await expect(card).toContainText("English, German");
  await expect(card).toContainText("Calls handled");
  await expect(page.getByRole("region", { name: "Your requests" }).getByRole("listitem").filter({ hasText: notes })).toContainText(`${agentName} was assigned to you as backup agent from`);
  // At 360 px the cards and the request list fit the screen.
  await page.setViewportSize({ width: 360, height: 800 });
  await expect(card).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.goto("/dashboard/notifications");
  await expect(page.getByRole("main")).toContainText("Your agent request was approved");
  await expect(page.getByRole("main")).toContainText(`${agentName} now works for you as your backup agent.`);

  // On the customer's staff page: the same agent cannot be assigned twice, and the assignment ends today.
  await admin.goto(`/admin/users?query=${encodeURIComponent(email)}`);
  await admin.getByRole("link", { name: "Agatha Asker" }).click();
  const agentsSection = admin.getByRole("region", { name: "Agents", exact: true });
  const assignment = agentsSection.getByRole("listitem").filter({ hasText: agentName });
  await expect(assignment).toContainText("Backup");
  await agentsSection.getByLabel("Agent", { exact: true }).selectOption({ label: agentName });
  await agentsSection.getByRole("button", { name: "Assign agent" }).click();
  await expect(agentsSection.getByText("This agent already works for this customer then.")).toBeVisible();
  await assignment.getByRole("button", { name: "End assignment" }).click();
  await admin.getByRole("dialog", { name: `End ${agentName}'s assignment?` }).getByRole("button", { name: "End assignment" }).click();
  await expect(agentsSection.getByTestId("form-message").filter({ hasText: "The assignment ends today." })).toBeVisible();
  await expect(assignment.getByRole("button", { name: "End assignment" })).toHaveCount(0);
  await Promise.all([staff.close(), customer.close()]);
});
