import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import ICAL from "ical.js";
import { newClient, signedInAs, signIn } from "./helpers";
import { e2eCalendarCustomer, e2ePassword } from "./users";

const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

/** A calendar day as the e2e users' date inputs take it (their time zone is Europe/Berlin). */
function berlinDay(offsetDays = 0): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date(Date.now() + offsetDays * 86_400_000));
}

async function expectNoPageOverflow(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

/** Sends a minimal request through the form and returns its page's URL. */
async function sendRequest(page: Page, title: string) {
  await page.goto("/dashboard/projects/requests/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Goals").fill("A short brief.");
  await page.getByLabel("Budget range").selectOption({ label: "Not sure yet" });
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return page.url();
}

test("a customer sends a request with an attachment, staff convert it, and the customer follows the link to the new project", async ({ browser }) => {
  const title = `Coffee shop ${randomUUID().slice(0, 6)}`;
  const customer = await signedInAs(browser, "customer");
  const page = await customer.newPage();
  await page.goto("/dashboard/projects/requests");
  await expect(page.getByRole("heading", { level: 1, name: "Project requests" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to projects" })).toHaveAttribute("href", "/dashboard/projects");
  await page.getByRole("link", { name: "New request" }).click();

  // Bad input is answered next to each field, and nothing is sent.
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Desired deadline (optional)").fill(berlinDay(-1));
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByText("Describe what you want to achieve.")).toBeVisible();
  await expect(page.getByText("Choose a budget range.")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await page.getByLabel("Goals").fill("Sell our coffee online, with subscriptions.");
  await page.getByLabel("Scope (optional)").fill("Shop, payments and shipping labels.");
  await page.getByLabel("Budget range").selectOption({ label: "€15,000–50,000" });
  await page.getByLabel("Video call").check();
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByText("Choose today or a later date.")).toBeVisible();
  await page.getByLabel("Desired deadline (optional)").fill(berlinDay(90));

  await page.getByLabel("Attachments (optional)").setInputFiles({ name: "brief.pdf", mimeType: "application/pdf", buffer: pdf });
  await expect(page.getByRole("button", { name: "Remove brief.pdf" })).toBeVisible();
  await expect(page.getByText("Uploading")).toHaveCount(0);
  await page.getByRole("button", { name: "Send request" }).click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Your request was sent.")).toBeVisible();
  await expect(page.getByText("Submitted", { exact: true })).toBeVisible();
  const download = page.getByRole("link", { name: "Download brief.pdf" });
  const file = await customer.request.get((await download.getAttribute("href"))!);
  expect(file.status()).toBe(200);
  expect(Buffer.from(await file.body()).equals(pdf)).toBe(true);
  const requestUrl = page.url();

  const staff = await signedInAs(browser, "admin");
  const admin = await staff.newPage();
  await admin.goto("/admin");
  await admin.getByRole("complementary").getByRole("link", { name: "Project requests" }).click();
  await admin.getByLabel("Status").selectOption({ label: "Waiting (submitted or in review)" });
  await admin.getByRole("button", { name: "Apply" }).click();
  await admin.getByRole("link", { name: title }).click();
  await expect(admin.getByRole("region", { name: "Goals" })).toContainText("Sell our coffee online, with subscriptions.");
  await expect(admin.getByRole("link", { name: "Download brief.pdf" })).toBeVisible();
  await admin.getByRole("button", { name: "Start review" }).click();
  await expect(admin.getByTestId("form-message").filter({ hasText: "The review has started" })).toBeVisible();
  await expect(admin.getByText("In review", { exact: true })).toBeVisible();

  await expect(admin.getByLabel("Project name")).toHaveValue(title);
  await expect(admin.getByLabel("Description")).toHaveValue(/Sell our coffee online[\s\S]*Shop, payments/);
  await expect(admin.getByLabel("Due date (optional)")).toHaveValue(berlinDay(90));
  await admin.getByRole("button", { name: "Create project" }).click();
  await expect(admin.getByTestId("form-message").filter({ hasText: "The project was created." })).toBeVisible();
  await expect(admin.getByRole("link", { name: `Open the project “${title}”` })).toHaveAttribute("href", /^\/admin\/projects\/[0-9a-f-]{36}$/);
  await staff.close();

  await page.goto(requestUrl);
  await expect(page.getByText("Converted", { exact: true })).toBeVisible();
  const projectLink = page.getByRole("link", { name: `Open the project “${title}”` });
  await expect(projectLink).toHaveAttribute("href", /^\/dashboard\/projects\/[0-9a-f-]{36}$/);
  await page.goto("/dashboard/projects/requests");
  await expect(page.getByRole("listitem").filter({ hasText: title }).getByRole("link", { name: `Open the project “${title}”` })).toBeVisible();
  await customer.close();
});

test("staff decline with a reason the customer sees, and a request decided once cannot be decided again", async ({ browser }) => {
  const title = `Mobile app ${randomUUID().slice(0, 6)}`;
  const customer = await signedInAs(browser, "customer");
  const page = await customer.newPage();
  const requestUrl = await sendRequest(page, title);
  const adminUrl = `/admin/requests/${requestUrl.split("/").pop()!.split("?")[0]}`;

  const staff = await signedInAs(browser, "admin");
  const [first, second] = [await staff.newPage(), await staff.newPage()];
  await first.goto(adminUrl);
  await second.goto(adminUrl);
  await first.getByRole("button", { name: "Decline request" }).click();
  await first.getByRole("dialog").getByRole("button", { name: "Decline request" }).click();
  await expect(first.getByText("Tell the customer why the request is declined.")).toBeVisible();
  await first.getByLabel("Reason").fill("We do not build mobile apps.");
  await first.getByRole("button", { name: "Decline request" }).click();
  await first.getByRole("dialog").getByRole("button", { name: "Decline request" }).click();
  await expect(first.getByTestId("form-message").filter({ hasText: "The request was declined" })).toBeVisible();

  // The second tab still offers to convert: the server refuses, saying why.
  await second.getByRole("button", { name: "Create project" }).click();
  await expect(second.getByTestId("form-message").filter({ hasText: "already decided" })).toBeVisible();
  await expect(second.getByText("Declined", { exact: true })).toBeVisible();
  await staff.close();

  await page.goto("/dashboard/projects/requests");
  const item = page.getByRole("listitem").filter({ hasText: title });
  await expect(item.getByText("Declined", { exact: true })).toBeVisible();
  await expect(item).toContainText("Reason: We do not build mobile apps.");
  await customer.close();
});

test("a customer creates a calendar feed that calendar apps can read, and after revoking it the address answers 404", async ({ browser }) => {
  const context = await newClient(browser);
  const page = await context.newPage();
  await signIn(page, { email: e2eCalendarCustomer.email, password: e2ePassword });
  await page.goto("/dashboard/projects/calendar");
  await expect(page.getByRole("heading", { level: 1, name: "Calendar feed" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Google Calendar" })).toBeVisible();
  await page.getByRole("button", { name: "Create feed" }).click();
  const address = page.getByLabel("Feed address");
  await expect(address).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  const url = await address.inputValue();

  // Fetched as a calendar app does: no cookies.
  const app = await newClient(browser);
  const feed = await app.request.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const calendar = new ICAL.Component(ICAL.parse(await feed.text()));
  const summaries = calendar.getAllSubcomponents("vevent").map((event) => new ICAL.Event(event).summary);
  expect(summaries).toEqual(expect.arrayContaining(e2eCalendarCustomer.milestones.map((milestone) => `${e2eCalendarCustomer.project} — ${milestone.title}`)));

  await page.reload();
  await expect(page.getByLabel("Feed address"), "the address is shown once").toHaveCount(0);
  await expect(page.getByText(/Last fetched/)).toBeVisible();
  await page.getByRole("button", { name: "Revoke feed" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke feed" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("The feed was revoked. Its address no longer works.");
  expect((await app.request.get(url)).status()).toBe(404);
  await expect(page.getByRole("button", { name: "Create feed" })).toBeVisible();
  await app.close();
  await context.close();
});

test("the request and calendar pages fit a 375 px phone in dark mode", async ({ browser }) => {
  const title = `Phone check ${randomUUID().slice(0, 6)} with a rather long title that has to wrap`;
  const phone = { viewport: { width: 375, height: 800 }, colorScheme: "dark" as const };
  const customer = await signedInAs(browser, "customer", phone);
  const page = await customer.newPage();
  const requestUrl = await sendRequest(page, title);
  await expectNoPageOverflow(page);
  for (const path of ["/dashboard/projects/requests", "/dashboard/projects/requests/new", "/dashboard/projects/calendar"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoPageOverflow(page);
  }
  const staff = await signedInAs(browser, "admin", phone);
  const admin = await staff.newPage();
  await admin.goto("/admin/requests");
  await admin.getByRole("link", { name: title }).click();
  await expect(admin.getByRole("button", { name: "Create project" })).toBeVisible();
  await expectNoPageOverflow(admin);
  expect(admin.url()).toContain(requestUrl.split("/").pop()!.split("?")[0]);
  await staff.close();
  await customer.close();
});
