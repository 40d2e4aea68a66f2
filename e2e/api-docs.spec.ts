import { expect, test, type Page } from "@playwright/test";
import { newClient } from "./helpers";

/** Everything the page should never do: log an error, trip the CSP, or ask another origin for anything. */
function watch(page: Page, origin: string) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.origin !== origin) problems.push(`request to another origin: ${request.url()}`);
  });
  return problems;
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

test.beforeEach(async ({ context }) => {
  await context.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = violations;
    document.addEventListener("securitypolicyviolation", (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
});

test("the API reference renders every operation from the OpenAPI document, with the bearer scheme and examples, fetching nothing from other origins and tripping no CSP", async ({ page, baseURL }) => {
  const problems = watch(page, new URL(baseURL!).origin);
  await page.goto("/");
  await page.getByRole("link", { name: "API for developers" }).click();
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  await expect(page.getByText("Create a personal access token on the")).toBeVisible();
  await expect(page.getByRole("link", { name: "Security page" })).toHaveAttribute("href", "/dashboard/security");

  const document = (await (await page.request.get("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, { summary: string }>> };
  const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, summary: operation.summary })));
  const reference = page.locator(".swagger-ui");
  await expect(reference.getByRole("heading", { name: /Clientdesk API/ })).toBeVisible();
  await expect(reference.locator(".opblock")).toHaveCount(operations.length);
  for (const { path, method } of operations) await expect(reference.locator(`.opblock-${method} [data-path="${path}"]`)).toBeVisible();

  // An operation opens to its parameters and responses, the shared errors included.
  const token = reference.locator(".opblock").filter({ has: page.locator('[data-path="/token"]') });
  await token.locator(".opblock-summary-control").click();
  await expect(token.getByRole("heading", { name: "Parameters" })).toBeVisible();
  await expect(token.getByRole("heading", { name: "Responses" })).toBeVisible();
  for (const status of ["200", "401", "403", "429"]) await expect(token.locator(`tr.response[data-code="${status}"]`)).toBeVisible();
  await expect(token.getByText("Required scope: none (any live token).")).toBeVisible();
  await expect(token.locator(`tr.response[data-code="200"]`).getByText('"scopes"')).toBeVisible();

  // The auth scheme: the bearer token from the Security page.
  await reference.getByRole("button", { name: /Authorize/ }).first().click();
  const dialog = page.locator(".dialog-ux .modal-ux");
  await expect(dialog.getByText("bearerAuth")).toBeVisible();
  await expect(dialog.getByText(/http, Bearer/)).toBeVisible();
  await expect(dialog.getByText(/starts with/)).toContainText("cdk_");
  await dialog.getByRole("button", { name: "Close" }).first().click();

  expect(await cspViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test("the OpenAPI document is public, cacheable and answers 304 to its ETag", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  expect(response.headers()["cache-control"]).toBe("public, max-age=300");
  expect(((await response.json()) as { openapi: string }).openapi).toBe("3.1.0");
  const again = await request.get("/api/v1/openapi.json", { headers: { "if-none-match": response.headers()["etag"]! } });
  expect(again.status()).toBe(304);
});

test("at 360 px the reference fits the screen without sideways scrolling, readable in the light and the dark theme", async ({ browser, baseURL }) => {
  for (const colorScheme of ["light", "dark"] as const) {
    const context = await newClient(browser, { viewport: { width: 360, height: 740 }, colorScheme });
    await context.addInitScript(() => {
      const violations: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = violations;
      document.addEventListener("securitypolicyviolation", (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`));
    });
    const page = await context.newPage();
    const problems = watch(page, new URL(baseURL!).origin);
    await page.goto("/docs/api");
    const reference = page.locator(".swagger-ui");
    await expect(reference.locator(".opblock").first()).toBeVisible();
    await reference.locator(".opblock-summary-control").first().click();
    await expect(reference.getByRole("heading", { name: "Responses" }).first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `${colorScheme}: sideways scroll`).toBeLessThanOrEqual(0);

    // Readable: the reference's text contrasts with the page behind it (light text on dark, and the other way round).
    const { text, background, darkMode } = await page.evaluate(() => {
      const luminance = (color: string) => {
        const [r, g, b] = (color.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number).map((value) => {
          const channel = value / 255;
          return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const title = document.querySelector(".swagger-ui .opblock-summary-path")!;
      return { text: luminance(getComputedStyle(title).color), background: luminance(getComputedStyle(document.body).backgroundColor), darkMode: document.documentElement.classList.contains("dark-mode") };
    });
    expect(darkMode).toBe(colorScheme === "dark");
    const contrast = (Math.max(text, background) + 0.05) / (Math.min(text, background) + 0.05);
    expect(contrast, `${colorScheme}: contrast of an operation's path`).toBeGreaterThanOrEqual(4.5);
    await page.screenshot({ path: test.info().outputPath(`api-docs-360-${colorScheme}.png`), fullPage: false });

    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }
});
