import { expect, test, type Page } from "@playwright/test";
import { newClient, signedInAs, submitSignIn } from "./helpers";
import { e2ePassword, e2eUsers } from "./users";

/** What a visitor can read of a page: its title and visible text. */
async function visibleContent(page: Page) {
  return { title: await page.title(), text: await page.locator("body").innerText() };
}

test("a customer gets the same 404 for every /admin URL as for a page that does not exist, and learns nothing", async ({ browser }) => {
  const context = await signedInAs(browser, "customer");
  const page = await context.newPage();
  const unknown = await page.goto("/no-such-page");
  expect(unknown?.status()).toBe(404);
  const reference = await visibleContent(page);
  expect(reference.title).toBe("Page not found · Clientdesk");

  for (const url of ["/admin", "/admin/users", "/admin/users?query=admin", "/admin/users/00000000-0000-4000-8000-000000000000", "/admin/users/not-a-uuid", "/admin/nothing-here"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    expect(await visibleContent(page), url).toEqual(reference);
    const html = await response!.text();
    for (const leak of [e2eUsers.admin.email, "Users", "Staff area", "Disable user"]) expect(html, `${url} mentions ${leak}`).not.toContain(leak);
  }
  await context.close();
});

test("an admin gets a real 404 status for a malformed or unknown user id", async ({ browser }) => {
  const context = await signedInAs(browser, "admin");
  const page = await context.newPage();
  for (const url of ["/admin/users/not-a-uuid", "/admin/users/00000000-0000-4000-8000-000000000000", "/admin/nothing-here"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page).toHaveTitle("Page not found · Clientdesk");
  }
  // Inside the staff area's frame, with the way back to its users.
  await expect(page.getByRole("navigation", { name: "Switch area" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the users" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await context.close();
});

test("an unknown dashboard page keeps the dashboard around it and leads back to the overview", async ({ browser }) => {
  const context = await signedInAs(browser, "customer");
  const page = await context.newPage();
  const response = await page.goto("/dashboard/no-such-area/42");
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle("Page not found · Clientdesk");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the overview" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await context.close();
});

test("signed-out visitors are sent to sign-in and come back after it", async ({ browser }) => {
  const context = await newClient(browser);
  const page = await context.newPage();
  await page.goto("/dashboard/settings");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard%2Fsettings/);
  await submitSignIn(page, { email: e2eUsers.customer.email, password: e2ePassword });
  await expect(page).toHaveURL(/\/dashboard\/settings$/);
  await context.close();
});

test("pages carry the security headers, private pages are never cached, and the session cookie is not re-sent", async ({ browser }) => {
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
  await context.close();

  const customer = await signedInAs(browser, "customer");
  const dashboard = await (await customer.newPage()).goto("/dashboard");
  expect(dashboard!.status()).toBe(200);
  expect(dashboard!.headers()["cache-control"]).toMatch(/private/);
  expect(dashboard!.headers()["cache-control"]).toMatch(/no-store/);
  expect(await dashboard!.headerValue("set-cookie")).toBeNull();
  await customer.close();
});

test("opening the dashboard renders only the page opened: no sidebar link is prefetched", async ({ browser }) => {
  const context = await signedInAs(browser, "customer");
  const page = await context.newPage();
  const serverRenders: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("_rsc=") || request.headers()["rsc"]) serverRenders.push(request.url());
  });
  await page.goto("/dashboard");
  await page.waitForLoadState("networkidle");
  await page.getByRole("link", { name: "Settings" }).first().hover();
  await page.waitForTimeout(300);
  expect(serverRenders).toEqual([]);

  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Security" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Security" })).toBeVisible();
  expect(serverRenders).toHaveLength(1);
  await context.close();
});

test("malformed server action calls get a 4xx or a validation message, never a 500", async ({ browser, baseURL }) => {
  const context = await newClient(browser);
  const page = await context.newPage();
  await page.goto("/sign-in");
  const actionId = await page.locator('input[name="$ACTION_1:0"]').evaluate((input: HTMLInputElement) => (JSON.parse(input.value) as { id: string }).id);
  const call = (data: string | Buffer, contentType: string) =>
    context.request.post("/sign-in", { headers: { "next-action": actionId, "content-type": contentType, accept: "text/x-component", origin: baseURL! }, data });

  for (const body of ["{not json", "[", '{"a":1}']) {
    const response = await call(body, "text/plain;charset=UTF-8");
    expect(response.status(), body).toBeLessThan(500);
  }
  const notAForm = await call(JSON.stringify(["$undefined", "x"]), "text/plain;charset=UTF-8");
  expect(notAForm.status()).toBe(200);
  expect(await notAForm.text()).toContain("This request could not be understood");

  const boundary = "----clientdesk";
  const multipart = (fields: Record<string, string>) =>
    Buffer.from(Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + `--${boundary}--\r\n`);
  const oversized = await call(multipart({ "1_email": "a".repeat(6_500_000) }), `multipart/form-data; boundary=${boundary}`);
  expect(oversized.status()).toBe(413);
  const undecodable = await call(multipart({ "1_email": "a".repeat(500_000) }), `multipart/form-data; boundary=${boundary}`);
  expect(undecodable.status()).toBe(400);

  // A well-formed call with a huge field reaches the form's validation.
  await page.getByLabel("Email").fill(`${"a".repeat(20_000)}@example.com`);
  await page.getByLabel("Password").fill("whatever");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("This value is too long.")).toBeVisible();
  await context.close();
});

test("static files: robots.txt keeps crawlers out of private areas, and the icons are served", async ({ request }) => {
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  const text = await robots.text();
  expect(text).toContain("Disallow: /dashboard");
  expect(text).toContain("Disallow: /admin");
  for (const icon of ["/favicon.ico", "/apple-touch-icon.png", "/icon.svg", "/site.webmanifest"]) expect((await request.get(icon)).status(), icon).toBe(200);
});

test("pages ship only what their client components need: no database or validation code, no unused messages", async ({ browser }) => {
  const context = await signedInAs(browser, "customer");
  const page = await context.newPage();
  for (const path of ["/dashboard", "/dashboard/settings"]) {
    const response = await page.goto(path);
    const html = await response!.text();
    // Email and staff texts never reach a customer's page.
    for (const text of ["Choose a new password", "Disable user", "Every customer and staff account"]) expect(html, `${path}: ${text}`).not.toContain(text);
    const scripts = await page.locator("script[src]").evaluateAll((elements) => elements.map((element) => (element as HTMLScriptElement).src));
    for (const src of scripts) {
      const code = await (await context.request.get(src)).text();
      expect(code, src).not.toMatch(/drizzle-orm|PgColumn|ZodError|\$ZodType/);
    }
  }
  await context.close();
});

test("at 360 px the landing page's header keeps its buttons on one line", async ({ browser }) => {
  const context = await newClient(browser, { viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto("/");
  const header = page.getByRole("navigation", { name: "Account" });
  for (const name of ["Sign in", "Create account"]) {
    const box = await header.getByRole("link", { name }).boundingBox();
    expect(box!.height, name).toBeLessThan(44);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await context.close();
});
