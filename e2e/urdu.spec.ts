import { expect, test, type Page } from "@playwright/test";
import { createVerifiedCustomer, newClient, signIn } from "./helpers";

async function boxOf(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  return box;
}

test("a customer switches to Urdu: the page reads right to left with the sidebar on the right, and back in English left to right", async ({ browser }, testInfo) => {
  const email = await createVerifiedCustomer(browser, "Umar Urdu", "umar's passphrase");
  const context = await newClient(browser, { viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signIn(page, { email, password: "umar's passphrase" });

  await page.goto("/dashboard/settings");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await page.getByLabel("Language").selectOption({ label: "اردو" });
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByTestId("form-message")).toContainText("آپ کی ترجیحات محفوظ ہو گئی ہیں۔");
  await expect(page.locator("html")).toHaveAttribute("lang", "ur");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1, name: "ترتیبات" })).toBeVisible();

  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "السلام علیکم، Umar" })).toBeVisible();
  const navigation = page.getByRole("navigation", { name: "مرکزی نیویگیشن" });
  await expect(navigation.getByRole("link", { name: "جائزہ" })).toBeVisible();
  await expect(navigation.getByRole("link", { name: "انوائسز" })).toBeVisible();
  const sidebar = await boxOf(page, "aside");
  const main = await boxOf(page, "main");
  expect(sidebar.x + sidebar.width).toBeCloseTo(1280, -1);
  expect(main.x + main.width).toBeLessThanOrEqual(sidebar.x + 1);
  for (const path of ["/dashboard", "/dashboard/invoices", "/dashboard/calls", "/dashboard/security"]) {
    await page.goto(path);
    await page.screenshot({ path: testInfo.outputPath(`ur-1280${path.replaceAll("/", "-")}.png`), fullPage: true });
  }

  await page.goto("/dashboard/settings");
  await page.getByLabel("زبان").selectOption({ label: "English" });
  await page.getByRole("button", { name: "ترجیحات محفوظ کریں" }).click();
  await expect(page.getByTestId("form-message")).toContainText("Your preferences have been saved.");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/dashboard");
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Overview" })).toBeVisible();
  expect((await boxOf(page, "aside")).x).toBe(0);
  await context.close();
});

test("on a phone in Urdu the menu opens from the right and no page scrolls sideways", async ({ browser }, testInfo) => {
  const email = await createVerifiedCustomer(browser, "Sana Urdu", "sana's passphrase");
  const context = await newClient(browser, { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, { email, password: "sana's passphrase" });
  await page.goto("/dashboard/settings");
  await page.getByLabel("Language").selectOption({ label: "اردو" });
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");

  for (const path of ["/dashboard", "/dashboard/settings", "/dashboard/invoices", "/dashboard/calls", "/dashboard/projects", "/dashboard/security"]) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect({ path, overflow }).toEqual({ path, overflow: 0 });
    await page.screenshot({ path: testInfo.outputPath(`ur-375${path.replaceAll("/", "-")}.png`), fullPage: true });
  }

  await page.getByRole("button", { name: "مینو کھولیں" }).click();
  const menu = page.getByRole("dialog", { name: "مینو" });
  await expect(menu.getByRole("link", { name: "جائزہ" })).toBeVisible();
  const drawer = await menu.boundingBox();
  expect(drawer!.x + drawer!.width).toBeCloseTo(375, -1);
  expect(drawer!.x).toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath("ur-375-menu.png") });
  await context.close();
});
