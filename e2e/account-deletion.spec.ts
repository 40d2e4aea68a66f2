import { expect, test } from "@playwright/test";
import { createVerifiedCustomer, newClient, signIn, submitSignIn } from "./helpers";

test("a customer sees what deletion will do, confirms with the password and DELETE, lands on the goodbye page and cannot sign in again", async ({ browser }) => {
  const password = "dora's deletable passphrase";
  const email = await createVerifiedCustomer(browser, "Dora Delete", password);
  const context = await newClient(browser);
  const page = await context.newPage();
  await signIn(page, { email, password });
  await page.goto("/dashboard/settings/data");

  const card = page.getByRole("region", { name: "Delete account" });
  const preview = card.getByTestId("deletion-preview");
  await expect(preview).toContainText("it closes with you");
  await expect(preview).toContainText("No open invoices.");
  await expect(preview).toContainText("No active subscription.");
  await expect(preview).toContainText("No stored files.");

  // A wrong password, then a phrase that is not DELETE: each refused next to its field, nothing deleted.
  await card.getByLabel("Your password").fill("not my password");
  await card.getByLabel("Type DELETE to confirm").fill("DELETE");
  await card.getByRole("button", { name: "Delete my account" }).click();
  await expect(card.getByText("The password is not correct.")).toBeVisible();
  await card.getByLabel("Your password").fill(password);
  await card.getByLabel("Type DELETE to confirm").fill("delete");
  await card.getByRole("button", { name: "Delete my account" }).click();
  await expect(card.getByText("Type DELETE exactly, in capital letters.")).toBeVisible();
  await page.reload();
  await expect(page).toHaveURL(/\/dashboard\/settings\/data$/);

  await card.getByLabel("Your password").fill(password);
  await card.getByLabel("Type DELETE to confirm").fill("DELETE");
  await card.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/goodbye$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your account has been deleted" })).toBeVisible();

  // Signed out, and the old credentials open nothing.
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
  await submitSignIn(page, { email, password });
  await expect(page.getByTestId("form-message")).toHaveText("The email or password is not correct.");
  await context.close();
});
