import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signedInAs } from "./helpers";
import { e2eUsers } from "./users";

// The outage is made by cutting the relay between the app and PostgreSQL (scripts/e2e-server.mjs).
// PGlite lives inside the server process, so it cannot go away while the server runs.
test.skip(!process.env.DATABASE_URL, "needs PostgreSQL: the embedded database cannot fail on its own");

const downFlag = path.resolve(".data/e2e/database-down");

test.afterEach(() => fs.rmSync(downFlag, { force: true }));

test("a database outage answers 503 with Retry-After and a friendly page, and the app recovers when the database is back", async ({ browser, request }) => {
  const context = await signedInAs(browser, "customer");
  const page = await context.newPage();
  await page.goto("/dashboard/profile");

  fs.writeFileSync(downFlag, "");
  await expect.poll(async () => (await request.get("/api/health")).status()).toBe(503);
  const response = await page.goto("/dashboard/profile");
  expect(response?.status()).toBe(503);
  expect(response?.headers()["retry-after"]).toBe("5");
  await expect(page.getByRole("heading", { name: "Something went wrong" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(/ECONNREFUSED|ECONNRESET|at async|node_modules|postgres/i);

  fs.rmSync(downFlag);
  await expect.poll(async () => (await request.get("/api/health")).status(), { timeout: 20_000 }).toBe(200);
  await page.goto("/dashboard/profile");
  await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
  // The address shows on the profile card and in the email form: the page rendered from the database again.
  await expect(page.getByRole("main").getByText(e2eUsers.customer.email).first()).toBeVisible();
  await context.close();
});
