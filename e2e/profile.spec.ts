import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { createVerifiedCustomer, linkIn, mailCount, newClient, signIn, uniqueEmail, waitForMail } from "./helpers";

const photo = () => sharp({ create: { width: 800, height: 600, channels: 3, background: "#c2410c" } }).jpeg().toBuffer();

async function signedInCustomer(browser: Parameters<typeof createVerifiedCustomer>[0], name: string, options: { width?: number } = {}) {
  const password = `${name} passphrase`;
  const email = await createVerifiedCustomer(browser, name, password);
  const context = await newClient(browser, options.width ? { viewport: { width: options.width, height: 800 } } : {});
  const page = await context.newPage();
  await signIn(page, { email, password });
  return { context, page, email, password };
}

async function uploadPhoto(page: Page) {
  await page.goto("/dashboard/profile");
  await page.getByLabel("Profile photo").setInputFiles({ name: "me.jpg", mimeType: "image/jpeg", buffer: await photo() });
  await page.getByRole("button", { name: "Upload photo" }).click();
  await expect(page.getByTestId("form-message").first()).toHaveText("Your photo is saved.");
}

test("a customer uploads a photo and sees it in the header, then removes it and sees their initials again", async ({ browser }) => {
  const { context, page } = await signedInCustomer(browser, "Ulla Upload");
  await uploadPhoto(page);
  const headerImage = page.getByRole("button", { name: /^Account menu/ }).locator("img");
  await expect(headerImage).toHaveAttribute("src", /^\/api\/files\/[0-9a-f-]{36}$/);
  await expect.poll(() => headerImage.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(300);

  const src = (await headerImage.getAttribute("src"))!;
  const file = await context.request.get(src);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("image/webp");
  expect(file.headers()["x-content-type-options"]).toBe("nosniff");

  await page.getByRole("button", { name: "Remove photo" }).click();
  await expect(page.getByRole("button", { name: /^Account menu/ }).locator("img")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Account menu/ })).toContainText("UU");
  expect((await context.request.get(src)).status()).toBe(404);
  await context.close();
});

test("a file that is not an image is refused next to the field", async ({ browser }) => {
  const { context, page } = await signedInCustomer(browser, "Hugo Html");
  await page.goto("/dashboard/profile");
  await page.getByLabel("Profile photo").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
  await page.getByRole("button", { name: "Upload photo" }).click();
  await expect(page.getByText("This file is not a JPG, PNG or WebP image.")).toBeVisible();
  await expect(page.getByLabel("Profile photo")).toHaveAttribute("aria-invalid", "true");
  await context.close();
});

test("a customer changes their email through the link sent to the new address, and the old address is told", async ({ browser }) => {
  const { context, page, email, password } = await signedInCustomer(browser, "Emil Mover");
  const newEmail = uniqueEmail("emil-new");
  const before = mailCount();
  await page.goto("/dashboard/profile");
  await page.getByLabel("New email address").fill(newEmail);
  await page.getByLabel("Current password").fill(password);
  await page.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(page.getByTestId("form-message")).toContainText(`We sent a confirmation link to ${newEmail}`);
  await waitForMail(email, { after: before, subject: /change of your Clientdesk email was requested/ });

  // Opening the link changes nothing until the button is pressed.
  const link = linkIn(await waitForMail(newEmail, { after: before }), "/verify-email-change");
  await page.goto(link);
  await page.goto("/dashboard/profile");
  await expect(page.getByText(email, { exact: true }).first()).toBeVisible();
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm new email" }).click();
  await expect(page.getByTestId("form-message")).toContainText("Your email address is changed.");
  await waitForMail(email, { after: before, subject: /email address was changed/ });

  await page.goto("/dashboard/profile");
  await expect(page.getByText(newEmail, { exact: true }).first()).toBeVisible();
  const fresh = await newClient(browser);
  await signIn(await fresh.newPage(), { email: newEmail, password });
  await fresh.close();
  await context.close();
});

test("the profile works at 375 px: photo, details and email change fit and can be used", async ({ browser }) => {
  const { context, page } = await signedInCustomer(browser, "Mia Mobile", { width: 375 });
  await uploadPhoto(page);
  await expect(page.getByRole("button", { name: /^Account menu/ }).locator("img")).toBeVisible();
  await page.getByLabel("Phone").fill("+49 30 1234567");
  await page.getByLabel("Company").fill("Northwind Dental");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("Your details are saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Company")).toHaveValue("Northwind Dental");
  for (const control of [page.getByLabel("Profile photo"), page.getByLabel("New email address"), page.getByRole("button", { name: "Send confirmation link" })]) {
    const box = (await control.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await context.close();
});
