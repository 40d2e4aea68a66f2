import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { demoLogins, demoPassword } from "@/db/demo";
import { newClient, signedInAs, signIn } from "./helpers";

// The demo customer's seeded account has a timeline in every area; they sign in through the form once.
const demoCustomer = demoLogins.find((login) => login.role === "customer")!;
const statePath = path.resolve(".data/e2e/auth/activity.json");

test.beforeAll(async ({ browser }) => {
  const context = await newClient(browser);
  await signIn(await context.newPage(), { email: demoCustomer.email, password: demoPassword });
  fs.mkdirSync(path.dirname(statePath), { recursive: true });
  await context.storageState({ path: statePath });
  await context.close();
});

/** What each area's entries say, in English. */
const areaTexts = {
  Projects: /is now|New update on|Milestone|New document/,
  Messages: /New message from the team|Message sent/,
  Billing: /Invoice INV-|payment of|plan|subscription/,
  Calls: /^Call (from|to|with) /,
  Agents: /works for you|no longer works|Your request for/,
  Security: /Signed in from|Password|Email address|Two-factor|signed out/,
} as const;

const entries = (page: Page) => page.getByRole("main").getByRole("list", { name: "Activity" }).getByRole("listitem");
/** Each entry's text (its first paragraph; the second holds the time). */
const entryTexts = (page: Page) => entries(page).evaluateAll((items) => items.map((item) => item.querySelector("p")?.textContent ?? ""));

/** Waits until the list shows entries of `area` only (a navigation may still be swapping the list in). */
async function expectOnlyArea(page: Page, area: keyof typeof areaTexts) {
  await expect
    .poll(async () => {
      const texts = await entryTexts(page);
      return texts.length > 0 && texts.every((text) => areaTexts[area].test(text));
    })
    .toBe(true);
}

test("a customer sees entries from every area, filters the timeline by area and pages it", async ({ browser }) => {
  const context = await newClient(browser, { storageState: statePath });
  const page = await context.newPage();
  await page.goto("/dashboard/activity");
  await expect(page.getByRole("heading", { name: "Activity", level: 1 })).toBeVisible();
  await expect(entries(page)).toHaveCount(25);
  // Their sign-in a moment ago is the newest entry.
  await expect(entries(page).first()).toContainText("Signed in from");

  const areas = page.getByRole("navigation", { name: "Show activity of" });
  for (const area of Object.keys(areaTexts) as (keyof typeof areaTexts)[]) {
    await areas.getByRole("link", { name: area, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`area=${area.toLowerCase()}`));
    await expect(areas.getByRole("link", { name: area, exact: true })).toHaveAttribute("aria-current", "page");
    await expectOnlyArea(page, area);
  }
  await areas.getByRole("link", { name: "Calls", exact: true }).click();
  await expect(page).toHaveURL(/area=calls/);

  const pager = page.getByRole("navigation", { name: "Activity pages" });
  const first = await entryTexts(page);
  const firstPageEnd = await entries(page).locator("time").last().getAttribute("datetime");
  await pager.getByRole("link", { name: "Older" }).click();
  await expect(page).toHaveURL(/area=calls.*after=/);
  await expect(entries(page)).toHaveCount(25);
  await expectOnlyArea(page, "Calls");
  expect((await entries(page).locator("time").first().getAttribute("datetime"))! <= firstPageEnd!).toBe(true);
  await pager.getByRole("link", { name: "Newer" }).click();
  await expect(page).toHaveURL(/before=/);
  expect(await entryTexts(page)).toEqual(first);
  await expect(pager.getByText("Newer")).toHaveAttribute("aria-disabled", "true");

  // Days filter the same list, in the URL.
  const dates = page.getByRole("search", { name: "Filter by date" });
  await dates.getByLabel("From").fill("2020-01-01");
  await dates.getByLabel("To").fill("2020-01-31");
  await dates.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/area=calls.*from=2020-01-01.*to=2020-01-31/);
  await expect(page.getByText("No activity matches these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).first().click();
  await expect(page).toHaveURL(/\/dashboard\/activity$/);
  await context.close();
});

test("an entry links to its page", async ({ browser }) => {
  const context = await newClient(browser, { storageState: statePath });
  const page = await context.newPage();
  await page.goto("/dashboard/activity?area=billing");
  const invoice = page.getByRole("main").getByRole("link", { name: /^Invoice INV-\d{4}-\d{4} (issued|paid)/ }).first();
  const number = (await invoice.innerText()).match(/INV-\d{4}-\d{4}/)![0];
  await invoice.click();
  await expect(page).toHaveURL(/\/dashboard\/invoices\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(number);
  await context.close();
});

test("staff read the customer's whole timeline, security entries included, from the user page", async ({ browser }) => {
  const context = await signedInAs(browser, "admin");
  const page = await context.newPage();
  await page.goto(`/admin/users?query=${encodeURIComponent(demoCustomer.email)}`);
  await page.getByRole("link", { name: "Casey Customer" }).click();
  const recent = page.getByRole("region", { name: "Recent activity" });
  await expect(recent.getByRole("listitem").first()).toBeVisible();
  await recent.getByRole("link", { name: "See the whole timeline" }).click();
  await expect(page.getByRole("heading", { name: "Activity of Casey Customer", level: 1 })).toBeVisible();
  await page.getByRole("navigation", { name: "Show activity of" }).getByRole("link", { name: "Security", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}\/activity\?area=security/);
  await expectOnlyArea(page, "Security");
  await expect(entries(page).filter({ hasText: "Signed in from" }).first()).toBeVisible();
  // Their links lead to staff pages, not the customer's.
  await page.getByRole("navigation", { name: "Show activity of" }).getByRole("link", { name: "Messages", exact: true }).click();
  await expect(page).toHaveURL(/area=messages/);
  await expectOnlyArea(page, "Messages");
  await entries(page).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/admin\/messages\/[0-9a-f-]{36}$/);
  await context.close();
});

test("another customer cannot read the account's timeline: not through the staff page, not by naming its customer in the URL", async ({ browser }) => {
  const staff = await signedInAs(browser, "admin");
  const staffPage = await staff.newPage();
  await staffPage.goto(`/admin/users?query=${encodeURIComponent(demoCustomer.email)}`);
  await staffPage.getByRole("link", { name: "Casey Customer" }).click();
  await expect(staffPage).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/);
  const feedUrl = `${new URL(staffPage.url()).pathname}/activity`;
  await staff.close();

  const other = await signedInAs(browser, "customer");
  const page = await other.newPage();
  await page.goto(feedUrl);
  await expect(page.getByRole("heading", { name: "Activity of Casey Customer" })).toHaveCount(0);
  await expect(page.getByText("Signed in from Chrome")).toHaveCount(0);
  // Their own feed ignores anyone named in the URL.
  const caseyId = feedUrl.split("/")[3];
  await page.goto(`/dashboard/activity?accountId=${caseyId}&userId=${caseyId}`);
  await expect(page.getByRole("heading", { name: "Activity", level: 1 })).toBeVisible();
  await expect(page.getByRole("main").getByText("Casey Customer")).toHaveCount(0);
  await other.close();
});
