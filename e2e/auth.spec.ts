import { expect, test } from "@playwright/test";
import { createVerifiedCustomer, demo, linkIn, mailCount, newClient, signIn, signOut, submitSignIn, submitSignUp, uniqueEmail, waitForMail } from "./helpers";

test("a new customer signs up, verifies the emailed link, signs in, reaches the dashboard and signs out", async ({ browser }) => {
  const context = await newClient(browser);
  const page = await context.newPage();
  const email = uniqueEmail("signup");
  const before = mailCount();

  await page.goto("/");
  await page.getByRole("link", { name: "Create account" }).first().click();
  await page.getByLabel("Full name").fill("Robin Newcomer");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);

  await page.getByLabel("Password").fill("a sturdy passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("form-message")).toContainText(`sent a confirmation link to ${email}`);

  const mail = await waitForMail(email, { after: before, subject: /Confirm your email/ });
  await page.goto(linkIn(mail, "/verify-email"));
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByTestId("form-message")).toContainText("Your email address is confirmed");
  await page.getByRole("link", { name: "Sign in" }).click();

  await signIn(page, { email, password: "a sturdy passphrase" });
  await expect(page.getByRole("heading", { name: "Hello, Robin" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Robin Newcomer" })).toBeVisible();
  await expect(page.getByRole("main").getByText(email)).toBeVisible();

  await signOut(page);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard/);
  await context.close();
});

test("an unverified account cannot sign in and is sent a fresh link", async ({ browser }) => {
  const context = await newClient(browser);
  const page = await context.newPage();
  const email = uniqueEmail("unverified");
  await submitSignUp(page, { name: "Una Verified", email, password: "a sturdy passphrase" });
  await expect(page.getByTestId("form-message")).toBeVisible();

  const before = mailCount();
  await page.goto("/sign-in");
  await submitSignIn(page, { email, password: "a sturdy passphrase" });
  await expect(page.getByTestId("form-message")).toContainText("confirm your email address first");
  await waitForMail(email, { after: before, subject: /Confirm your email/ });
  await context.close();
});

test("a password reset works once, refuses the old password and signs out a session opened before it", async ({ browser }) => {
  // Its own account: the demo customer must keep the demo password for the other tests.
  const email = await createVerifiedCustomer(browser, "Reese Reset", "the original passphrase");

  const other = await newClient(browser);
  const otherPage = await other.newPage();
  await signIn(otherPage, { email, password: "the original passphrase" });

  const context = await newClient(browser);
  const page = await context.newPage();
  const before = mailCount();
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByTestId("form-message")).toContainText("If an account exists for that address");

  const resetLink = linkIn(await waitForMail(email, { after: before, subject: /Reset your Clientdesk password/ }), "/reset-password");
  await page.goto(resetLink);
  await page.getByLabel("New password", { exact: true }).fill("a completely new passphrase");
  await page.getByLabel("Repeat the new password").fill("a completely new passphrase");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByTestId("form-message")).toContainText("Your password has been changed");

  await page.goto(resetLink);
  await expect(page.getByTestId("form-message")).toContainText("invalid, has expired or has already been used");

  await page.goto("/sign-in");
  await submitSignIn(page, { email, password: "the original passphrase" });
  await expect(page.getByTestId("form-message")).toContainText("The email or password is not correct.");
  await signIn(page, { email, password: "a completely new passphrase" });

  await otherPage.getByRole("link", { name: "Settings" }).first().click();
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await context.close();
  await other.close();
});

test("sign-in never follows a callback URL off the site", async ({ browser }) => {
  const context = await newClient(browser);
  const page = await context.newPage();
  await page.goto("/sign-in?callbackUrl=https%3A%2F%2Fevil.example%2Fphish");
  await submitSignIn(page, demo.customer);
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/dashboard$/);
  await context.close();
});

test("too many wrong passwords lock the account for a while with a clear message", async ({ browser }) => {
  const context = await newClient(browser);
  const page = await context.newPage();
  const email = uniqueEmail("brute");
  await page.goto("/sign-in");
  for (let attempt = 0; attempt < 11; attempt++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`guess-${attempt}`);
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === "POST"),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
  }
  await expect(page.getByTestId("form-message")).toContainText(/Too many attempts\. Try again in \d+ minutes?\./);
  await context.close();
});
