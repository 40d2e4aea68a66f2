import fs from "node:fs";
import path from "node:path";
import { expect, test as setup } from "@playwright/test";
import { submitSignIn, submitTwoFactorCode, totpCode } from "./helpers";
import { e2eAdminTotpSecret, e2ePassword, e2eUsers, storageStatePath } from "./users";

// Each role signs in through the form once; every other test reuses the saved session.
setup("the e2e customer signs in and lands on the dashboard", async ({ page }) => {
  await page.goto("/sign-in");
  await submitSignIn(page, { email: e2eUsers.customer.email, password: e2ePassword });
  await expect(page).toHaveURL(/\/dashboard$/);
  fs.mkdirSync(path.dirname(storageStatePath("customer")), { recursive: true });
  await page.context().storageState({ path: storageStatePath("customer") });
});

setup("the e2e admin signs in with a two-factor code and lands on the staff area", async ({ page }) => {
  await page.goto("/sign-in");
  await submitSignIn(page, { email: e2eUsers.admin.email, password: e2ePassword });
  // Staff have two-factor sign-in: the password alone leads to the code step.
  await submitTwoFactorCode(page, totpCode(e2eAdminTotpSecret));
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await page.context().storageState({ path: storageStatePath("admin") });
});
