import { expect, test } from "@playwright/test";
import { createVerifiedCustomer, newClient, signIn } from "./helpers";

test("a customer sees their sessions and signs out another device, which is then signed out", async ({ browser }) => {
  const email = await createVerifiedCustomer(browser, "Sasha Sessions", "sasha's passphrase");
  const laptop = await newClient(browser);
  const laptopPage = await laptop.newPage();
  await signIn(laptopPage, { email, password: "sasha's passphrase" });
  const phone = await newClient(browser);
  const phonePage = await phone.newPage();
  await signIn(phonePage, { email, password: "sasha's passphrase" });

  await phonePage.goto("/dashboard/security");
  const sessions = phonePage.getByRole("region", { name: "Active sessions" }).getByRole("listitem");
  await expect(sessions).toHaveCount(2);
  await expect(phonePage.getByText("This device")).toBeVisible();
  await phonePage.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(sessions).toHaveCount(1);

  await laptopPage.getByRole("link", { name: "Invoices" }).first().click();
  await expect(laptopPage).toHaveURL(/\/sign-in/);
  await laptop.close();
  await phone.close();
});

test("a customer switches to German and dark theme, and the whole app follows", async ({ browser }) => {
  const email = await createVerifiedCustomer(browser, "Gerd Deutsch", "gerd's passphrase");
  const context = await newClient(browser);
  const page = await context.newPage();
  await signIn(page, { email, password: "gerd's passphrase" });
  await page.goto("/dashboard/settings");
  await page.getByLabel("Dark").check();
  await page.getByLabel("Language").selectOption("de");
  await page.getByLabel("Time zone").selectOption("Europe/Berlin");
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByTestId("form-message")).toContainText("Ihre Einstellungen wurden gespeichert.");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");

  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Hallo, Gerd" })).toBeVisible();
  await expect(page.getByText("Europe/Berlin")).toBeVisible();
  await context.close();
});

test("a signed-out visitor gets the browser's language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "de-DE" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Anmelden" })).toBeVisible();
  await context.close();
});

test("at 375 px the sidebar becomes a drawer that opens, navigates and closes", async ({ browser }) => {
  const email = await createVerifiedCustomer(browser, "Mo Mobile", "mo's passphrase");
  const context = await newClient(browser, { viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await signIn(page, { email, password: "mo's passphrase" });

  await expect(page.getByRole("complementary")).toBeHidden();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await page.getByRole("button", { name: "Open menu" }).click();
  const drawer = page.getByRole("dialog", { name: "Menu" });
  await expect(drawer).toBeVisible();
  await drawer.getByRole("link", { name: "Calls" }).click();
  await expect(page).toHaveURL(/\/dashboard\/calls$/);
  await expect(drawer).toBeHidden();
  await expect(page.getByRole("heading", { name: "No calls yet" })).toBeVisible();

  await page.getByRole("button", { name: "Open menu" }).click();
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await context.close();
});
