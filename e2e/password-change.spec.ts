import { expect, test } from "@playwright/test";
import { createVerifiedCustomer, newClient, signIn, submitSignIn, waitForMail } from "./helpers";

test("a customer changes their password: another browser is signed out, this one stays, and only the new password signs in", async ({ browser }) => {
  const oldPassword = "penny's first passphrase";
  const newPassword = "penny's second passphrase";
  const email = await createVerifiedCustomer(browser, "Penny Passwort", oldPassword);
  const [laptop, phone] = await Promise.all([newClient(browser), newClient(browser)]);
  const [laptopPage, phonePage] = await Promise.all([laptop.newPage(), phone.newPage()]);
  await signIn(laptopPage, { email, password: oldPassword });
  await signIn(phonePage, { email, password: oldPassword });

  await laptopPage.goto("/dashboard/security");
  const form = laptopPage.getByRole("form", { name: "Change password" });
  // Sign-up's strength rules apply, with the message next to the new password.
  await form.getByLabel("Current password").fill(oldPassword);
  await form.getByLabel("New password").fill("password123");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByLabel("New password")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("This password is too common.")).toBeVisible();

  // A wrong current password changes nothing.
  await form.getByLabel("Current password").fill("not my password");
  await form.getByLabel("New password").fill(newPassword);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("The current password is not correct.")).toBeVisible();

  await form.getByLabel("Current password").fill(oldPassword);
  await form.getByLabel("New password").fill(newPassword);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(laptopPage.getByTestId("form-message")).toHaveText("Your password has been changed. 1 other session was signed out.");
  await waitForMail(email, { subject: /password was changed/ });

  // The other browser's session has ended; this one goes on.
  await phonePage.goto("/dashboard/invoices");
  await expect(phonePage).toHaveURL(/\/sign-in/);
  await laptopPage.goto("/dashboard/invoices");
  await expect(laptopPage).toHaveURL(/\/dashboard\/invoices$/);

  await submitSignIn(phonePage, { email, password: oldPassword });
  await expect(phonePage.getByTestId("form-message")).toHaveText("The email or password is not correct.");
  await submitSignIn(phonePage, { email, password: newPassword });
  await expect(phonePage).toHaveURL(/\/dashboard/);
  await Promise.all([laptop.close(), phone.close()]);
});
