import { expect, test } from "@playwright/test";
import { createVerifiedCustomer, newClient, signedInAs, signIn, submitSignIn } from "./helpers";
import { tableMarker, tableUsers } from "./users";

test("an admin disables a customer after confirming; their open session ends on the next click; enabling lets them back", async ({ browser }) => {
  const email = await createVerifiedCustomer(browser, "Dana Disabled", "dana's passphrase");
  const customer = await newClient(browser);
  const customerPage = await customer.newPage();
  await signIn(customerPage, { email, password: "dana's passphrase" });

  const staff = await signedInAs(browser, "admin");
  const adminPage = await staff.newPage();
  await adminPage.goto(`/admin/users?query=${encodeURIComponent(email)}`);
  await adminPage.getByRole("link", { name: "Dana Disabled" }).click();
  await expect(adminPage.getByText("Active sessions")).toBeVisible();
  await expect(adminPage.locator("dd").nth(2)).toHaveText("1");

  await adminPage.getByRole("button", { name: "Disable user" }).click();
  const dialog = adminPage.getByRole("dialog", { name: "Disable Dana Disabled?" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(adminPage.getByText("Disabled", { exact: true })).toHaveCount(0);

  await adminPage.getByRole("button", { name: "Disable user" }).click();
  await dialog.getByRole("button", { name: "Disable user" }).click();
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

test("making a customer an admin asks first and is recorded in the audit trail", async ({ browser }) => {
  const email = await createVerifiedCustomer(browser, "Rory Role", "rory's passphrase");
  const staff = await signedInAs(browser, "admin");
  const page = await staff.newPage();
  await page.goto(`/admin/users?query=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: "Rory Role" }).click();
  await page.getByLabel("Role", { exact: true }).selectOption("admin");
  await page.getByRole("button", { name: "Change role" }).click();
  const dialog = page.getByRole("dialog", { name: "Make Rory Role an admin?" });
  await expect(dialog).toContainText("Admins can see and change every customer account");
  await dialog.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByTestId("form-message")).toContainText("The role has been changed.");
  await expect(page.getByText("Role changed from Customer to Admin")).toBeVisible();
  await staff.close();
});

test("the users table pages, sorts, searches and clamps a page past the end, with its state in the URL", async ({ browser }) => {
  const staff = await signedInAs(browser, "admin");
  const page = await staff.newPage();
  const query = encodeURIComponent(tableMarker);
  await page.goto(`/admin/users?pageSize=10&sort=name&direction=asc&query=${query}`);
  const table = page.getByRole("table");
  const names = () => table.locator("tbody tr td:first-child a").allInnerTexts();

  await expect(table.locator("tbody tr")).toHaveCount(10);
  const firstPage = await names();
  expect(firstPage).toEqual([...firstPage].sort((a, b) => a.localeCompare(b)));
  await expect(page.getByText(`1–10 of ${tableUsers.length}`)).toBeVisible();
  await expect(page.getByText("Page 1 of 3")).toBeVisible();
  await expect(table.getByText("Unverified").filter({ visible: true }).first()).toBeVisible();

  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText("Page 2 of 3")).toBeVisible();
  const secondPage = await names();
  expect(secondPage[0]!.localeCompare(firstPage.at(-1)!)).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Name" }).click();
  await expect(page).toHaveURL(/sort=name&direction=desc/);
  await expect(page.getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "descending");
  const descending = await names();
  expect(descending).toEqual([...descending].sort((a, b) => b.localeCompare(a)));

  await page.getByRole("searchbox", { name: "Search users" }).fill("tablerow-07");
  await page.getByRole("button", { name: "Search users" }).click();
  await expect(page).toHaveURL(/query=tablerow-07/);
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await page.reload();
  await expect(table.getByText(tableUsers[7]!.name)).toBeVisible();

  await page.goto(`/admin/users?pageSize=10&sort=name&direction=asc&query=${query}&page=99`);
  await expect(page).toHaveURL(/page=3/);
  await expect(page.getByText("Page 3 of 3")).toBeVisible();
  await expect(page.getByText(`21–${tableUsers.length} of ${tableUsers.length}`)).toBeVisible();

  // The pager sits on one line at desktop width.
  const pager = page.getByRole("navigation", { name: "Pagination" });
  const box = await pager.boundingBox();
  expect(box!.height).toBeLessThan(50);
  await staff.close();
});

test("at 375 px each user is a card with role, status and date, sortable from a menu", async ({ browser }) => {
  const staff = await signedInAs(browser, "admin", { viewport: { width: 375, height: 740 } });
  const page = await staff.newPage();
  await page.goto(`/admin/users?query=${encodeURIComponent(tableMarker)}`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  const first = page.getByRole("table").locator("tbody tr").first();
  await expect(first.getByText("Customer").filter({ visible: true })).toBeVisible();
  await expect(first.getByText(/^Created /).filter({ visible: true })).toBeVisible();
  await page.getByLabel("Sort by").selectOption("name:asc");
  await expect(page).toHaveURL(/sort=name&direction=asc/);
  await expect(page.getByRole("table").locator("tbody tr").first()).toContainText(`${tableMarker} Anverified Person`);
  await staff.close();
});

test("staff switch between the staff area and the customer view from the sidebar", async ({ browser }) => {
  const staff = await signedInAs(browser, "admin");
  const page = await staff.newPage();
  await page.goto("/admin/users");
  const areas = page.getByRole("complementary").getByRole("navigation", { name: "Switch area" });
  await expect(areas.getByRole("link", { name: "Staff area" })).toHaveAttribute("aria-current", "true");
  await areas.getByRole("link", { name: "Customer view" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("complementary").getByRole("link", { name: "Customer view" })).toHaveAttribute("aria-current", "true");
  await page.getByRole("complementary").getByRole("link", { name: "Staff area" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await staff.close();
});

test("a customer replaying an admin's server action changes nothing", async ({ browser, baseURL }) => {
  const email = await createVerifiedCustomer(browser, "Vic Victim", "vic's passphrase");
  const staff = await signedInAs(browser, "admin");
  const adminPage = await staff.newPage();
  await adminPage.goto(`/admin/users?query=${encodeURIComponent(email)}`);
  await adminPage.getByRole("link", { name: "Vic Victim" }).click();
  const userUrl = adminPage.url();

  // Record the real "disable" request, then undo it, so it can be replayed by someone else.
  await adminPage.getByRole("button", { name: "Disable user" }).click();
  const [disableRequest] = await Promise.all([
    adminPage.waitForRequest((request) => request.method() === "POST" && Boolean(request.headers()["next-action"])),
    adminPage.getByRole("dialog").getByRole("button", { name: "Disable user" }).click(),
  ]);
  await expect(adminPage.getByTestId("form-message")).toContainText("disabled");
  await adminPage.getByRole("button", { name: "Enable user" }).click();
  await expect(adminPage.getByTestId("form-message")).toContainText("has been enabled");

  const customer = await signedInAs(browser, "customer");
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
