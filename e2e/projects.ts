import { randomUUID } from "node:crypto";
import { expect, type Browser, type Page } from "@playwright/test";
import { signedInAs } from "./helpers";

/** A project name no other test uses, so lists and searches find exactly this one. */
export function uniqueProjectName(label: string): string {
  return `${label} ${randomUUID().slice(0, 6)}`;
}

/** Staff create a project for the customer with `customerEmail` on the new-project page; returns its id. */
export async function createProjectAsStaff(page: Page, input: { customerEmail: string; name: string; status?: string; description?: string }): Promise<string> {
  await page.goto(`/admin/projects/new?customer=${encodeURIComponent(input.customerEmail)}`);
  const customer = page.getByLabel("Customer", { exact: true });
  // The search found exactly this customer: it is chosen already.
  await expect(customer.locator("option:checked")).toContainText(input.customerEmail);
  await page.getByLabel("Name", { exact: true }).fill(input.name);
  await page.getByLabel("Description").fill(input.description ?? `What ${input.name} is about.`);
  await page.getByLabel("Start date").fill("2026-01-05");
  await page.getByLabel("Due date").fill("2026-12-18");
  if (input.status) await page.getByLabel("Status", { exact: true }).selectOption({ label: input.status });
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The project has been created" })).toBeVisible();
  return /\/admin\/projects\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}

/** The same, from a staff browser of its own that is closed afterwards. */
export async function staffCreatesProject(browser: Browser, input: Parameters<typeof createProjectAsStaff>[1], more?: (page: Page) => Promise<void>): Promise<string> {
  const staff = await signedInAs(browser, "admin");
  const page = await staff.newPage();
  const id = await createProjectAsStaff(page, input);
  await more?.(page);
  await staff.close();
  return id;
}

/** Adds a task on the staff editor and waits until it is listed. */
export async function addTask(page: Page, title: string) {
  await page.getByLabel("New task").fill(title);
  await page.getByRole("button", { name: "Add task" }).click();
  await expect(page.getByRole("listitem", { name: new RegExp(`^Task \\d+: ${title}$`) })).toBeVisible();
}
