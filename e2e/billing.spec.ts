import { expect, test, type Browser, type Page } from "@playwright/test";
import { createVerifiedCustomer, newClient, signedInAs, signIn } from "./helpers";
import { sendStripeEvent, subscriptionObject } from "./stripe";

/** A customer of their own, signed in: subscribing changes their account for every later test. */
async function newCustomer(browser: Browser, name: string): Promise<Page> {
  const password = `${name} passphrase`;
  const email = await createVerifiedCustomer(browser, name, password);
  const page = await (await newClient(browser)).newPage();
  await signIn(page, { email, password });
  return page;
}

/** Pays the demo checkout the page is on with the card that succeeds. */
async function payWithDemoCard(page: Page) {
  await expect(page.getByText("Demo payment mode — no real charges")).toBeVisible();
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiry date").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
  await page.getByLabel("Name on card").fill("Sam Subscriber");
  await page.getByRole("button", { name: /^Pay / }).click();
}

/** Subscribes from the billing page through the demo checkout; returns the checkout's id. */
async function subscribe(page: Page, plan: string): Promise<string> {
  await page.goto("/dashboard/billing");
  await page.getByRole("button", { name: `Subscribe to ${plan}` }).click();
  await expect(page).toHaveURL(/\/dashboard\/billing\/checkout\/[0-9a-f-]{36}$/);
  const checkoutId = new URL(page.url()).pathname.split("/").at(-1)!;
  await payWithDemoCard(page);
  await expect(page).toHaveURL(/\/dashboard\/billing\?checkout=success$/);
  return checkoutId;
}

const subscriptionCard = (page: Page) => page.getByRole("region", { name: "Your subscription", exact: true });

test("a customer subscribes to Starter in demo mode, upgrades to Professional after seeing the proration, cancels at period end and reactivates", async ({ browser }) => {
  const page = await newCustomer(browser, "Sam Subscriber");
  await page.goto("/dashboard");
  await expect(page.getByRole("region", { name: "Subscription", exact: true })).toContainText("You have no subscription yet.");
  await page.getByRole("region", { name: "Subscription", exact: true }).getByRole("link", { name: "Choose a plan" }).click();
  await expect(subscriptionCard(page)).toContainText("You have no subscription yet.");
  const plans = page.getByRole("table", { name: /^Plans with their price/ });
  for (const plan of ["Starter", "Professional", "Enterprise"]) await expect(plans.getByRole("columnheader", { name: new RegExp(`^${plan}`) })).toBeVisible();
  // Coming back from checkout grants nothing by itself.
  await page.goto("/dashboard/billing?checkout=success");
  await expect(page.getByRole("status").filter({ hasText: "your subscription will show here once the payment is confirmed" })).toBeVisible();
  await expect(subscriptionCard(page)).toContainText("You have no subscription yet.");

  await subscribe(page, "Starter");
  await expect(subscriptionCard(page)).toContainText("Starter");
  await expect(subscriptionCard(page)).toContainText("Active");
  await expect(subscriptionCard(page)).toContainText("Renews on");
  await expect(subscriptionCard(page).getByRole("progressbar", { name: "Minutes used this period" })).toHaveAttribute("aria-valuetext", "0 of 300 minutes");
  await expect(page.getByText("your subscription will show here once the payment is confirmed")).toHaveCount(0);
  const history = page.getByRole("table", { name: "Subscription and project invoices, newest first" });
  await expect(history.getByRole("row").filter({ hasText: "Subscription" }).filter({ hasText: "$29.00" })).toContainText("Paid");

  await page.getByRole("link", { name: "Switch to Professional" }).click();
  const change = page.getByRole("region", { name: "Switch to Professional" });
  await expect(change.getByTestId("proration")).toHaveText(/^You'll be charged \$\d+\.\d{2} now for the rest of this period\.$/);
  // Nothing changes before the customer confirms.
  await expect(subscriptionCard(page)).toContainText("Starter");
  await change.getByRole("button", { name: "Confirm switch to Professional" }).click();
  await expect(page).toHaveURL(/\?requested=change$/);
  await expect(subscriptionCard(page)).toContainText("Professional");
  await expect(plans.getByRole("columnheader", { name: /^Professional/ })).toContainText("Current plan");
  await expect(page.getByRole("link", { name: "Switch to Starter" })).toBeVisible();

  await subscriptionCard(page).getByLabel("Why are you cancelling? (optional)").fill("Trying another provider");
  await subscriptionCard(page).getByRole("button", { name: "Cancel subscription" }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel your subscription?" });
  await dialog.getByRole("button", { name: "Cancel at period end" }).click();
  await expect(page).toHaveURL(/\?requested=cancel$/);
  await expect(subscriptionCard(page)).toContainText("Ends on");
  await expect(subscriptionCard(page)).toContainText("Ends at period end");
  await expect(subscriptionCard(page)).toContainText("Professional");

  await subscriptionCard(page).getByRole("button", { name: "Reactivate subscription" }).click();
  await expect(page).toHaveURL(/\?requested=reactivate$/);
  await expect(subscriptionCard(page)).toContainText("Renews on");
  await expect(subscriptionCard(page)).toContainText("Active");
  await expect(subscriptionCard(page).getByRole("button", { name: "Cancel subscription" })).toBeVisible();

  await page.goto("/dashboard");
  await expect(page.getByRole("region", { name: "Subscription", exact: true })).toContainText("Professional");
  await expect(page.getByRole("region", { name: "Subscription", exact: true })).toContainText(/Renews in \d+ days/);
  await page.context().close();
});

test("a past-due subscription shows a banner with Fix payment on every dashboard page until the payment is made", async ({ browser }) => {
  const page = await newCustomer(browser, "Pat Pastdue");
  const checkoutId = await subscribe(page, "Starter");
  const now = new Date();
  const pastDue = subscriptionObject({
    id: `sub_demo_${checkoutId.replace(/-/g, "")}`,
    customer: "cus_e2e_recorded_already",
    price: "price_demo_starter",
    status: "past_due",
    periodStart: now,
    periodEnd: new Date(now.getTime() + 30 * 86_400_000),
  });
  expect((await sendStripeEvent(page.request, "customer.subscription.updated", pastDue)).status).toBe(200);

  const banner = page.getByRole("region", { name: "Your subscription payment is past due" });
  for (const url of ["/dashboard/projects", "/dashboard/settings", "/dashboard"]) {
    await page.goto(url);
    await expect(banner).toBeVisible();
  }
  await banner.getByRole("button", { name: "Fix payment" }).click();
  await expect(page).toHaveURL(/\/dashboard\/billing\/checkout\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Overdue payment for your Starter plan")).toBeVisible();
  await payWithDemoCard(page);
  await expect(page).toHaveURL(/\/dashboard\/billing\?checkout=success$/);
  await expect(subscriptionCard(page)).toContainText("Active");
  await page.goto("/dashboard/projects");
  await expect(page.getByRole("heading", { name: "Projects", level: 1 })).toBeVisible();
  await expect(banner).toHaveCount(0);
  await page.context().close();
});

test("staff change a plan's price in /admin/plans and customers compare plans at the new price", async ({ browser }) => {
  const staff = await signedInAs(browser, "admin");
  const page = await staff.newPage();
  await page.goto("/admin/plans");
  const plans = page.getByRole("table", { name: /plans in the order customers see them/ });
  await expect(plans.getByRole("row", { name: /^Starter/ })).toContainText("$29.00 / month");
  await plans.getByRole("link", { name: "Enterprise" }).click();
  await expect(page.getByRole("heading", { name: "Enterprise", level: 1 })).toBeVisible();

  await page.getByLabel("Monthly price").fill("349.999");
  await page.getByLabel("Stripe price ID").fill("price_demo_starter");
  await page.getByRole("button", { name: "Save plan" }).click();
  await expect(page.getByText("Enter an amount like 29.00.")).toBeVisible();
  await page.getByLabel("Monthly price").fill("349.00");
  await page.getByRole("button", { name: "Save plan" }).click();
  await expect(page.getByText("Another plan already uses this Stripe price.")).toBeVisible();
  await page.getByLabel("Stripe price ID").fill("price_demo_enterprise");
  await page.getByRole("button", { name: "Save plan" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("The plan has been saved.");
  await page.getByRole("link", { name: "← All plans" }).click();
  await expect(plans.getByRole("row", { name: /^Enterprise/ })).toContainText("$349.00 / month");
  await staff.close();

  const customer = await signedInAs(browser, "customer");
  const billing = await customer.newPage();
  await billing.goto("/dashboard/billing");
  const compare = billing.getByRole("table", { name: /^Plans with their price/ });
  await expect(compare.getByRole("row", { name: /^Price/ })).toContainText("$349.00");
  // At 360 px each plan is a card of its own.
  await billing.setViewportSize({ width: 360, height: 800 });
  await expect(compare).toBeHidden();
  const enterprise = billing.getByRole("list", { name: /^Plans with their price/ }).getByRole("listitem", { name: "Enterprise" });
  await expect(enterprise).toContainText("$349.00");
  await expect(enterprise.getByRole("button", { name: "Subscribe to Enterprise" })).toBeVisible();
  await customer.close();
});
