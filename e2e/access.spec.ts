import { expect, test } from "@playwright/test";
import { demo, newClient, signIn, submitSignIn } from "./helpers";

test("a customer gets the 404 page for every /admin URL and sees no admin data", async ({ browser }) => {
  const context = await newClient(browser);
  const page = await context.newPage();
  await signIn(page, demo.customer);
  for (const url of ["/admin", "/admin/users", "/admin/users?query=admin", "/admin/users/00000000-0000-4000-8000-000000000000"]) {
    const response = await page.goto(url);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText("admin@clientdesk.test")).toHaveCount(0);
  }
  await context.close();
});

test("signed-out visitors are sent to sign-in and come back after it", async ({ browser }) => {
  const context = await newClient(browser);
  const page = await context.newPage();
  await page.goto("/dashboard/settings");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard%2Fsettings/);
  await submitSignIn(page, demo.customer);
  await expect(page).toHaveURL(/\/dashboard\/settings$/);
  await context.close();
});

test("pages carry the security headers and private pages are never cached", async ({ browser }) => {
  const context = await newClient(browser);
  const page = await context.newPage();
  const landing = await page.goto("/");
  const headers = landing!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBeTruthy();
  expect(headers["strict-transport-security"]).toContain("max-age=");
  expect(headers["x-powered-by"]).toBeUndefined();

  await signIn(page, demo.customer);
  const dashboard = await page.goto("/dashboard");
  expect(dashboard!.headers()["cache-control"]).toMatch(/private/);
  expect(dashboard!.headers()["cache-control"]).toMatch(/no-store/);
  await context.close();
});

test("an unknown page shows a 404 that leaks nothing", async ({ browser }) => {
  const context = await newClient(browser);
  const page = await context.newPage();
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await context.close();
});
