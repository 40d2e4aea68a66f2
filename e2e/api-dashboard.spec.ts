import { expect, test, type Locator } from "@playwright/test";
import { e2eCallsCustomer } from "./calls";
import { newClient, signIn } from "./helpers";
import { e2ePassword } from "./users";

/** A figure of the overview's call statistics, by its label, as a number. */
async function figure(stats: Locator, label: string): Promise<number> {
  const value = await stats.locator("div", { has: stats.page().locator("dt", { hasText: label }) }).locator("dd").first().textContent();
  return Number((value ?? "").replace(/[^\d]/g, ""));
}

test("a token made on the Security page reads the overview's own numbers from GET /api/v1/dashboard", async ({ browser, request }) => {
  const page = await (await newClient(browser)).newPage();
  await signIn(page, { email: e2eCallsCustomer.email, password: e2ePassword });
  await page.goto("/dashboard/security");
  const card = page.getByRole("region", { name: "API tokens" });
  await card.getByLabel("Name", { exact: true }).fill("Overview mirror");
  for (const area of ["Profile", "Projects", "Messages", "Invoices", "Subscription", "Calls", "Notifications"]) {
    await card.getByRole("group", { name: area, exact: true }).getByRole("radio", { name: "Read" }).check();
  }
  await card.getByLabel("Current password").fill(e2ePassword);
  await card.getByRole("button", { name: "Create token" }).click();
  const token = await card.getByLabel("Your new token").inputValue();
  const authorization = `Bearer ${token}`;

  const response = await request.get("/api/v1/dashboard", { headers: { authorization } });
  expect(response.status()).toBe(200);
  expect(Number(response.headers()["ratelimit-remaining"])).toBeGreaterThan(0);
  const dashboard = await response.json();
  expect(dashboard.profile).toMatchObject({ name: e2eCallsCustomer.name, email: e2eCallsCustomer.email, timeZone: e2eCallsCustomer.timeZone });
  expect(dashboard.calls.statistics.total).toBe(e2eCallsCustomer.callCount);

  await page.goto("/dashboard");
  const stats = page.getByRole("region", { name: "Calls", exact: true });
  await expect(stats.locator("dt", { hasText: "Total calls" })).toBeVisible();
  expect(await figure(stats, "Total calls")).toBe(dashboard.calls.statistics.total);
  expect(await figure(stats, "This month")).toBe(dashboard.calls.statistics.thisMonth);

  // The same recent calls, in the same order, each linking to the call the API names.
  const recent = page.getByRole("region", { name: "Recent calls" }).getByRole("listitem");
  await expect(recent).toHaveCount(dashboard.calls.recent.length);
  const links = await recent.getByRole("link").evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")));
  expect(links).toEqual(dashboard.calls.recent.map((call: { id: string }) => `/dashboard/calls/${call.id}`));
  await expect(page.getByRole("region", { name: "Profile" })).toContainText(dashboard.profile.email);

  // Unchanged data answers 304 to its ETag; areas the token may not read are left out.
  const again = await request.get("/api/v1/dashboard", { headers: { authorization, "if-none-match": response.headers()["etag"]! } });
  expect(again.status()).toBe(304);
  expect(dashboard.omitted).toEqual([]);
});
