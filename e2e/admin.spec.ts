import { expect, test } from "@playwright/test";
import { createVerifiedCustomer, demo, newClient, signIn, submitSignIn } from "./helpers";

test("an admin disables a customer, whose open session ends on their next click, then enables them again", async ({ browser }) => {
  const email = await createVerifiedCustomer(browser, "Dana Disabled", "dana's passphrase");
  const customer = await newClient(browser);
  const customerPage = await customer.newPage();
  await signIn(customerPage, { email, password: "dana's passphrase" });

  const staff = await newClient(browser);
  const adminPage = await staff.newPage();
  await signIn(adminPage, demo.admin);
  await adminPage.goto(`/admin/users?query=${encodeURIComponent(email)}`);
  await adminPage.getByRole("link", { name: "Dana Disabled" }).click();
  await adminPage.getByRole("button", { name: "Disable user" }).click();
  await expect(adminPage.getByTestId("form-message")).toContainText("disabled and signed out everywhere");
  await expect(adminPage.getByText("Disabled", { exact: true })).toBeVisible();
  await expect(adminPage.getByText("Disabled by staff")).toBeVisible();

  await customerPage.getByRole("link", { name: "Projects" }).first().click();
  await expect(customerPage).toHaveURL(/\/sign-in/);
  await submitSignIn(customerPage, { email, password: "dana's passphrase" });
  await expect(customerPage.getByTestId("form-message")).toContainText("This account has been disabled");

  await adminPage.getByRole("button", { name: "Enable user" }).click();
  await expect(adminPage.getByTestId("form-message")).toContainText("has been enabled");
  await signIn(customerPage, { email, password: "dana's passphrase" });
  await customer.close();
  await staff.close();
});

test("an admin changes a customer's role, which the audit trail records", async ({ browser }) => {
  const email = await createVerifiedCustomer(browser, "Rory Role", "rory's passphrase");
  const staff = await newClient(browser);
  const page = await staff.newPage();
  await signIn(page, demo.admin);
  await page.goto(`/admin/users?query=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: "Rory Role" }).click();
  await page.getByLabel("Role").selectOption("admin");
  await page.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByTestId("form-message")).toContainText("The role has been changed.");
  await expect(page.getByText("Role changed by staff")).toBeVisible();
  await staff.close();
});

test("the users table pages, sorts and searches, with its state in the URL", async ({ browser }) => {
  const staff = await newClient(browser);
  const page = await staff.newPage();
  await signIn(page, demo.admin);
  await page.goto("/admin/users?pageSize=10&sort=name&direction=asc");
  const table = page.getByRole("table");
  const firstNames = () => table.locator("tbody tr td:first-child").allInnerTexts();

  await expect(table.locator("tbody tr")).toHaveCount(10);
  const firstPage = await firstNames();
  expect(firstPage).toEqual([...firstPage].sort((a, b) => a.localeCompare(b)));
  await expect(page.getByText("Page 1 of")).toBeVisible();

  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText("Page 2 of")).toBeVisible();
  const secondPage = await firstNames();
  expect(secondPage[0]!.localeCompare(firstPage.at(-1)!)).toBeGreaterThanOrEqual(0);

  await page.getByRole("button", { name: "Name" }).click();
  await expect(page).toHaveURL(/sort=name&direction=desc/);
  await expect(page.getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "descending");
  const descending = await firstNames();
  expect(descending).toEqual([...descending].sort((a, b) => b.localeCompare(a)));

  await page.getByRole("searchbox", { name: "Search users" }).fill("hoffmann");
  await page.getByRole("button", { name: "Search users" }).click();
  await expect(page).toHaveURL(/query=hoffmann/);
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(table.getByText("Ben Hoffmann")).toBeVisible();

  await page.reload();
  await expect(table.getByText("Ben Hoffmann")).toBeVisible();
  await staff.close();
});

test("a customer replaying an admin's server action changes nothing", async ({ browser, baseURL }) => {
  const email = await createVerifiedCustomer(browser, "Vic Victim", "vic's passphrase");
  const staff = await newClient(browser);
  const adminPage = await staff.newPage();
  await signIn(adminPage, demo.admin);
  await adminPage.goto(`/admin/users?query=${encodeURIComponent(email)}`);
  await adminPage.getByRole("link", { name: "Vic Victim" }).click();
  const userUrl = adminPage.url();

  // Record the real "disable" request, then undo it, so it can be replayed by someone else.
  const [disableRequest] = await Promise.all([
    adminPage.waitForRequest((request) => request.method() === "POST" && Boolean(request.headers()["next-action"])),
    adminPage.getByRole("button", { name: "Disable user" }).click(),
  ]);
  await expect(adminPage.getByTestId("form-message")).toContainText("disabled");
  await adminPage.getByRole("button", { name: "Enable user" }).click();
  await expect(adminPage.getByTestId("form-message")).toContainText("has been enabled");

  const customer = await newClient(browser);
  const customerPage = await customer.newPage();
  await signIn(customerPage, demo.customer);
  const headers = await disableRequest.allHeaders();
  const replay = await customer.request.post(userUrl, {
    headers: { "next-action": headers["next-action"]!, "content-type": headers["content-type"]!, origin: baseURL!, accept: "text/x-component" },
    data: disableRequest.postDataBuffer()!,
  });
  expect(await replay.text()).toContain("You are not allowed to do that.");

  await adminPage.reload();
  await expect(adminPage.getByRole("button", { name: "Disable user" })).toBeVisible();
  await expect(adminPage.getByText("Active", { exact: true })).toBeVisible();
  await customer.close();
  await staff.close();
});
