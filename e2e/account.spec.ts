import { expect, test } from "@playwright/test";
import { createVerifiedCustomer, newClient, signedInAs, signIn } from "./helpers";

test("a customer signs out one other device, then every other device after confirming", async ({ browser }) => {
  const email = await createVerifiedCustomer(browser, "Sasha Sessions", "sasha's passphrase");
  const devices = await Promise.all([0, 1, 2].map(() => newClient(browser)));
  const [laptop, tablet, phone] = await Promise.all(devices.map((device) => device.newPage()));
  for (const page of [laptop!, tablet!, phone!]) await signIn(page, { email, password: "sasha's passphrase" });

  await phone!.goto("/dashboard/security");
  const sessions = phone!.getByRole("list", { name: "Active sessions" }).getByRole("listitem");
  await expect(sessions).toHaveCount(3);
  await expect(phone!.getByText("This device", { exact: true })).toBeVisible();
  await sessions.getByRole("button", { name: "Sign out", exact: true }).first().click();
  await expect(phone!.getByTestId("form-message")).toHaveText("The session has been signed out.");
  await expect(sessions).toHaveCount(2);

  // Signing out every other device asks first; cancelling changes nothing.
  await phone!.getByRole("button", { name: "Sign out all other sessions" }).click();
  const dialog = phone!.getByRole("dialog", { name: "Sign out all other sessions?" });
  await expect(dialog).toContainText("1 other device is signed out at once");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(sessions).toHaveCount(2);

  await phone!.getByRole("button", { name: "Sign out all other sessions" }).click();
  await dialog.getByRole("button", { name: "Sign out all other sessions" }).click();
  await expect(phone!.getByText("1 other session has been signed out.")).toBeVisible();
  await expect(sessions).toHaveCount(1);

  for (const page of [laptop!, tablet!]) {
    await page.getByRole("link", { name: "Invoices" }).first().click();
    await expect(page).toHaveURL(/\/sign-in/);
  }
  await Promise.all(devices.map((device) => device.close()));
});

test("a customer switches to German, dark theme and a time zone found by search, and the whole app follows", async ({ browser }) => {
  const email = await createVerifiedCustomer(browser, "Gerd Deutsch", "gerd's passphrase");
  const context = await newClient(browser);
  const page = await context.newPage();
  await signIn(page, { email, password: "gerd's passphrase" });
  await page.goto("/dashboard/settings");
  await page.getByText("Dark", { exact: true }).click();
  await page.getByLabel("Language").selectOption("de");
  const zone = page.getByLabel("Time zone", { exact: true });
  await page.getByLabel("Find a zone by city, region or offset").fill("new york");
  await expect(zone).toHaveValue("America/New_York");
  await page.getByLabel("Find a zone by city, region or offset").fill("kolkata");
  await expect(page.getByText("1 zone matches: the first is selected.")).toBeVisible();
  await expect(zone.locator("option:checked")).toHaveText(/^\(UTC\+05:30\) Asia\/Kolkata/);
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByTestId("form-message")).toContainText("Ihre Einstellungen wurden gespeichert.");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 1, name: "Einstellungen" })).toBeVisible();

  // Saved, the zone stays selected (the form's reset must not fall back to the first zone).
  const savedZone = page.getByLabel("Zeitzone", { exact: true });
  await expect(savedZone).toHaveValue("Asia/Kolkata");
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === "POST"),
    page.getByRole("button", { name: "Einstellungen speichern" }).click(),
  ]);
  await expect(page.getByRole("button", { name: "Einstellungen speichern" })).toBeEnabled();
  await expect(savedZone).toHaveValue("Asia/Kolkata");

  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Hallo, Gerd" })).toBeVisible();
  await expect(page.getByText("Datum und Uhrzeit werden in Asia/Kolkata angezeigt.")).toBeVisible();
  await expect(page.getByText("2 von 3 erledigt")).toBeVisible();
  await context.close();
});

test("the account menu is a menu button: it opens from the keyboard and closes on Escape, outside clicks and navigation", async ({ browser }) => {
  const context = await signedInAs(browser, "customer");
  const page = await context.newPage();
  await page.goto("/dashboard");
  const trigger = page.getByRole("button", { name: /^Account menu for/ });
  await expect(trigger).toHaveAttribute("aria-haspopup", "menu");
  await expect(trigger).toHaveAttribute("aria-expanded", "false");

  await trigger.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  await expect(menu).toBeVisible();
  await expect(trigger).toHaveAttribute("aria-expanded", "true");
  await expect(menu.getByRole("menuitem", { name: "Profile" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Settings" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(trigger).toBeFocused();

  await trigger.click();
  await expect(menu).toBeVisible();
  await page.getByRole("heading", { level: 1 }).click();
  await expect(menu).toBeHidden();

  await trigger.click();
  await menu.getByRole("menuitem", { name: "Security" }).click();
  await expect(page).toHaveURL(/\/dashboard\/security$/);
  await expect(menu).toBeHidden();
  await context.close();
});

test("at 375 px the sidebar is a drawer that navigates and closes on Escape and on the backdrop", async ({ browser }) => {
  const context = await signedInAs(browser, "customer", { viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await page.goto("/dashboard");

  await expect(page.getByRole("complementary")).toBeHidden();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  const open = page.getByRole("button", { name: "Open menu" });
  const drawer = page.getByRole("dialog", { name: "Menu" });
  await open.click();
  await expect(drawer).toBeVisible();
  await drawer.getByRole("link", { name: "Calls" }).click();
  await expect(page).toHaveURL(/\/dashboard\/calls$/);
  await expect(drawer).toBeHidden();
  await expect(page.getByRole("heading", { name: "No calls yet" })).toBeVisible();

  await open.click();
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();

  await open.click();
  await expect(drawer).toBeVisible();
  // The dimmed backdrop is everything right of the 288 px drawer.
  await page.mouse.click(360, 400);
  await expect(drawer).toBeHidden();
  await context.close();
});

test("a new customer's overview is a getting-started checklist that ticks off the security review", async ({ browser }) => {
  const email = await createVerifiedCustomer(browser, "Nia Newcomer", "nia's passphrase");
  const context = await newClient(browser);
  const page = await context.newPage();
  await signIn(page, { email, password: "nia's passphrase" });
  const checklist = page.getByRole("region", { name: "Getting started" });
  await expect(checklist).toContainText("1 of 3 done");
  await expect(checklist.getByText("Review your security (to do)")).toBeAttached();
  await checklist.getByRole("link", { name: "Open" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Security" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Overview" }).click();
  await expect(checklist).toContainText("2 of 3 done");
  await expect(checklist.getByText("Review your security (done)")).toBeAttached();
  await context.close();
});

test("a signed-out visitor gets the browser's language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "de-DE" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Anmelden" })).toBeVisible();
  await context.close();
});
