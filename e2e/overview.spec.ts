import { expect, test, type Page } from "@playwright/test";
import { e2eCallsCustomer } from "./calls";
import { createVerifiedCustomer, newClient, signIn } from "./helpers";
import { e2ePassword } from "./users";

const password = "overview passphrase";

/** The overview's widgets, by their headings, in the order they appear (once the page has streamed in). */
async function widgetOrder(page: Page): Promise<string[]> {
  const headings = page.locator("main [data-density] > section h2");
  await expect(headings.first()).toBeVisible();
  return headings.allTextContents();
}

async function openCustomize(page: Page) {
  const toggle = page.getByRole("button", { name: "Customize overview" });
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  return page.getByRole("form", { name: "Customize overview" });
}

test("a new customer sees where to start instead of a wall of zeros", async ({ browser }) => {
  const email = await createVerifiedCustomer(browser, "Fiona Firstuse", password);
  const page = await (await newClient(browser)).newPage();
  await signIn(page, { email, password });
  const welcome = page.getByRole("region", { name: "Welcome! Here is where to start" });
  await expect(welcome).toBeVisible();
  for (const step of ["Choose a plan", "Request a project", "Request an agent", "Message the team"]) await expect(welcome.getByRole("link", { name: step })).toBeVisible();
  // No statistics of nothing: the call widget explains what will show there.
  const calls = page.getByRole("region", { name: "Calls", exact: true });
  await expect(calls).toContainText("No calls yet.");
  await expect(calls.getByText("Total calls")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Needs attention" })).toHaveCount(0);
  await welcome.getByRole("link", { name: "Request a project" }).click();
  await expect(page).toHaveURL("/dashboard/projects/requests/new");
});

test("a customer hides a widget and reorders two with the keyboard only, and the overview keeps it after a reload", async ({ browser }) => {
  const email = await createVerifiedCustomer(browser, "Kim Keyboard", password);
  const page = await (await newClient(browser)).newPage();
  await signIn(page, { email, password });
  const before = await widgetOrder(page);
  expect(before.slice(0, 3)).toEqual(["Profile", "Active projects", "Next milestones"]);
  expect(before).toContain("Recent calls");

  const form = await openCustomize(page);
  // Hide "Recent calls": focus its checkbox and press Space.
  const showRecentCalls = form.getByRole("checkbox", { name: "Show Recent calls" });
  await showRecentCalls.focus();
  await page.keyboard.press("Space");
  await expect(showRecentCalls).not.toBeChecked();

  // Move "Next milestones" up twice: the focus stays on its button, and each move is announced.
  const milestonesUp = form.getByRole("button", { name: "Move Next milestones up" });
  await milestonesUp.focus();
  await page.keyboard.press("Enter");
  await expect(milestonesUp).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "Next milestones moved to position 2 of 10." })).toBeAttached();
  await page.keyboard.press("Enter");
  await expect(milestonesUp).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "Next milestones moved to position 1 of 10." })).toBeAttached();
  // At the top, another press changes nothing and says so.
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Next milestones is already first." })).toBeAttached();
  const rows = form.getByRole("list", { name: "Widgets, in their order" }).getByRole("listitem");
  await expect(rows.first()).toContainText("Next milestones");

  await form.getByRole("button", { name: "Save layout" }).focus();
  await page.keyboard.press("Enter");
  await expect(form.getByTestId("form-message")).toHaveText("Your overview layout is saved.");

  await page.reload();
  const after = await widgetOrder(page);
  expect(after.slice(0, 3)).toEqual(["Next milestones", "Profile", "Active projects"]);
  expect(after).not.toContain("Recent calls");
  expect(after).toHaveLength(before.length - 1);
});

test("compact shows fewer calls and detailed more, with each call's agent", async ({ browser }) => {
  // The seeded calls customer has 90 calls; the density is set back afterwards for the other specs.
  const page = await (await newClient(browser)).newPage();
  await signIn(page, { email: e2eCallsCustomer.email, password: e2ePassword });
  const recent = page.getByRole("region", { name: "Recent calls" });
  await expect(recent.getByRole("link")).toHaveCount(5);
  const setDensity = async (label: string) => {
    const form = await openCustomize(page);
    await form.getByRole("radio", { name: new RegExp(`^${label}`) }).check();
    await form.getByRole("button", { name: "Save layout" }).click();
    await expect(form.getByTestId("form-message")).toHaveText("Your overview layout is saved.");
    await page.reload();
  };
  try {
    await setDensity("Compact");
    await expect(page.locator("main [data-density]")).toHaveAttribute("data-density", "compact");
    await expect(recent.getByRole("link")).toHaveCount(3);
    await setDensity("Detailed");
    await expect(recent.getByRole("link")).toHaveCount(8);
    await expect(recent.getByText(/Satisfaction \d\/5/).first()).toBeVisible();
  } finally {
    await setDensity("Default");
  }
  await expect(recent.getByRole("link")).toHaveCount(5);
});

test("at 360 px the overview and its customize panel fit the screen, in dark mode too", async ({ browser }) => {
  for (const colorScheme of ["light", "dark"] as const) {
    const page = await (await newClient(browser, { viewport: { width: 360, height: 740 }, colorScheme })).newPage();
    await signIn(page, { email: e2eCallsCustomer.email, password: e2ePassword });
    await expect(page.getByRole("region", { name: "Recent calls" })).toBeVisible();
    await openCustomize(page);
    await page.screenshot({ path: `test-results/overview-360-${colorScheme}.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), colorScheme).toBeLessThanOrEqual(0);
    await page.context().close();
  }
});
