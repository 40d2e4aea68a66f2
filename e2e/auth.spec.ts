import { expect, test } from "@playwright/test";
import {
  createVerifiedCustomer,
  linkIn,
  mailCount,
  newClient,
  signIn,
  signOut,
  submitSignIn,
  submitSignUp,
  uniqueEmail,
  waitForMail,
} from "./helpers";

test("a new customer in Berlin signs up, verifies the emailed link, signs in with Berlin time, and signs out", async ({ browser }) => {
  const context = await newClient(browser, { timezoneId: "Europe/Berlin" });
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

  await page.getByLabel("Password").fill("qwer1234");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("This password is too common.")).toBeVisible();

  await page.getByLabel("Password").fill("a sturdy passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("form-message")).toContainText(`sent a confirmation link to ${email}`);
  // The outcome has its own heading; the form's title is gone.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");

  const mail = await waitForMail(email, { after: before, subject: /Confirm your email/ });
  await page.goto(linkIn(mail, "/verify-email"));
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByTestId("form-message")).toContainText("Your email address is confirmed");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Email confirmed");
  await page.getByRole("link", { name: "Sign in" }).click();

  await signIn(page, { email, password: "a sturdy passphrase" });
  await expect(page.getByRole("heading", { name: "Hello, Robin" })).toBeVisible();
  await expect(page.getByRole("main").getByText(`${email} is confirmed.`)).toBeVisible();
  await expect(page.getByRole("main").getByText("Dates and times are shown in Europe/Berlin.")).toBeVisible();

  await signOut(page);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard/);
  await context.close();
});

test("an unverified account cannot sign in and is sent a fresh link", async ({ browser }) => {
  const context = await newClient(browser);
  const page = await context.newPage();
  const email = uniqueEmail("unverified");
  const signedUp = mailCount();
  await submitSignUp(page, { name: "Una Verified", email, password: "a sturdy passphrase" });
  await expect(page.getByTestId("form-message")).toBeVisible();
  // The account exists once its first confirmation mail has gone out (sign-up finishes in a job).
  await waitForMail(email, { after: signedUp, subject: /Confirm your email/ });

  const before = mailCount();
  await page.goto("/sign-in");
  await submitSignIn(page, { email, password: "a sturdy passphrase" });
  await expect(page.getByTestId("form-message")).toContainText("confirm your email address first");
  await waitForMail(email, { after: before, subject: /Confirm your email/ });
  await context.close();
});

test("an expired confirmation link says so and leads to sign-in", async ({ browser }) => {
  const context = await newClient(browser);
  const page = await context.newPage();
  await page.goto("/verify-email?token=no-such-token");
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByTestId("form-message")).toContainText("has expired or has already been used");
  await page.getByTestId("form-message").getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await context.close();
});

test("a password reset works once, refuses the old password and signs out a session opened before it", async ({ browser }) => {
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
  // The outcome is shown where the user goes next, with the sign-in form's own heading.
  await expect(page).toHaveURL(/\/sign-in\?reason=password-changed$/);
  await expect(page.getByRole("status")).toContainText("Your password has been changed");

  await page.goto(resetLink);
  await expect(page.getByTestId("form-message")).toContainText("invalid, has expired or has already been used");
  await expect(page.getByRole("link", { name: "Request a new link" })).toBeVisible();

  await page.goto("/sign-in");
  await submitSignIn(page, { email, password: "the original passphrase" });
  await expect(page.getByTestId("form-message")).toContainText("The email or password is not correct.");
  await signIn(page, { email, password: "a completely new passphrase" });

  // The open page may already say so in its signed-out dialog (the reset's notice reached its stream); its next request does.
  await otherPage.reload();
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await context.close();
  await other.close();
});

test("a stranger's wrong passwords pause only new browsers: the owner's browser still signs in, the stranger is offered a reset", async ({ browser }) => {
  const email = await createVerifiedCustomer(browser, "Olga Owner", "olga's own passphrase");
  const owner = await newClient(browser);
  const ownerPage = await owner.newPage();
  await signIn(ownerPage, { email, password: "olga's own passphrase" });
  await signOut(ownerPage);

  const stranger = await newClient(browser);
  const strangerPage = await stranger.newPage();
  await strangerPage.goto("/sign-in");
  for (let attempt = 0; attempt < 11; attempt++) {
    await strangerPage.getByLabel("Email").fill(email);
    await strangerPage.getByLabel("Password").fill(`guess-${attempt}`);
    await Promise.all([
      strangerPage.waitForResponse((response) => response.request().method() === "POST"),
      strangerPage.getByRole("button", { name: "Sign in" }).click(),
    ]);
    // React resets the form once the answer is rendered; filling it before then would be undone.
    await expect(strangerPage.getByLabel("Password")).toHaveValue("");
  }
  const message = strangerPage.getByTestId("form-message");
  await expect(message).toContainText(/sign-in from new devices is paused for \d+ minutes?/);
  await message.getByRole("link", { name: "Reset your password" }).click();
  await expect(strangerPage).toHaveURL(/\/forgot-password$/);
  await waitForMail(email, { subject: /Sign-in to your Clientdesk account was paused/ });

  await submitSignIn(ownerPage, { email, password: "olga's own passphrase" });
  await expect(ownerPage).toHaveURL(/\/dashboard$/);
  await owner.close();
  await stranger.close();
});

test("sign-in never follows a callback URL off the site, however it is disguised", async ({ browser, baseURL }) => {
  const context = await newClient(browser);
  const page = await context.newPage();
  await page.goto("/sign-in?callbackUrl=https%3A%2F%2Fevil.example%2Fphish");
  await submitSignIn(page, { email: "customer@e2e.clientdesk.test", password: "e2e passphrase for tests" });
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/dashboard$/);

  // Signed in, the sign-in page redirects at once: each disguise must still stay on this origin.
  for (const target of ["/.//evil.example/phish", "/./\\evil.example/phish", "/%2e//evil.example", "/a/..//evil.example", "/\\/evil.example"]) {
    const response = await context.request.get(`/sign-in?callbackUrl=${encodeURIComponent(target)}`, { maxRedirects: 0 });
    const location = response.headers()["location"] ?? "";
    expect(new URL(location, baseURL).origin, target).toBe(new URL(baseURL!).origin);
  }
  await context.close();
});

test("signing out, from the account menu or the Auth.js endpoint, ends the session: a copied cookie no longer works", async ({ browser }) => {
  const email = await createVerifiedCustomer(browser, "Cora Copied", "cora's passphrase");
  const context = await newClient(browser);
  const page = await context.newPage();
  const replay = async (cookies: Awaited<ReturnType<typeof context.cookies>>) => {
    const attacker = await newClient(browser);
    await attacker.addCookies(cookies);
    const attackerPage = await attacker.newPage();
    await attackerPage.goto("/dashboard");
    await expect(attackerPage).toHaveURL(/\/sign-in/);
    await attacker.close();
  };

  await signIn(page, { email, password: "cora's passphrase" });
  const copiedBeforeMenuSignOut = await context.cookies();
  await signOut(page);
  await replay(copiedBeforeMenuSignOut);

  await signIn(page, { email, password: "cora's passphrase" });
  const copiedBeforeEndpointSignOut = await context.cookies();
  const csrf = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await context.request.post("/api/auth/signout", { form: { csrfToken: csrf.csrfToken, callbackUrl: "/" }, maxRedirects: 0 });
  await replay(copiedBeforeEndpointSignOut);
  await context.close();
});

test("a German user whose session was ended elsewhere is told why, in German", async ({ browser }) => {
  const email = await createVerifiedCustomer(browser, "Greta German", "greta's passphrase");
  const laptop = await newClient(browser, { locale: "en-US" });
  const laptopPage = await laptop.newPage();
  await signIn(laptopPage, { email, password: "greta's passphrase" });
  await laptopPage.goto("/dashboard/settings");
  await laptopPage.getByLabel("Language").selectOption("de");
  await laptopPage.getByRole("button", { name: "Save preferences" }).click();
  await expect(laptopPage.getByTestId("form-message")).toContainText("Ihre Einstellungen wurden gespeichert.");

  const phone = await newClient(browser);
  const phonePage = await phone.newPage();
  await signIn(phonePage, { email, password: "greta's passphrase" });
  await phonePage.goto("/dashboard/security");
  await phonePage.getByRole("button", { name: "Abmelden", exact: true }).click();
  await expect(phonePage.getByTestId("form-message")).toContainText("Die Sitzung wurde abgemeldet.");

  // The laptop's browser asks for English, but the account is German: so is the sign-in page.
  await laptopPage.getByRole("link", { name: "Übersicht" }).click();
  await expect(laptopPage).toHaveURL(/\/sign-in\?.*reason=session-ended/);
  await expect(laptopPage.getByRole("status")).toContainText("Ihre Sitzung ist beendet");
  await expect(laptopPage.getByRole("heading", { name: "Anmelden" })).toBeVisible();
  await expect(laptopPage.getByRole("button", { name: "Anmelden" })).toBeVisible();
  await expect(laptopPage.locator("html")).toHaveAttribute("lang", "de");
  await laptop.close();
  await phone.close();
});

test("the address opened first is sent to the configured origin, where sign-in works", async ({ browser, baseURL }) => {
  const other = baseURL!.replace("127.0.0.1", "localhost");
  const context = await newClient(browser);
  const page = await context.newPage();
  await page.goto(`${other}/sign-in`);
  await expect(page).toHaveURL(`${baseURL}/sign-in`);
  await submitSignIn(page, { email: "customer@e2e.clientdesk.test", password: "e2e passphrase for tests" });
  await expect(page).toHaveURL(`${baseURL}/dashboard`);
  await context.close();
});

test("only the proxy's own entry of X-Forwarded-For counts: a spoofed one never reaches the sessions list", async ({ browser }) => {
  const email = await createVerifiedCustomer(browser, "Sid Spoofer", "sid's passphrase");
  const spoofed = await newClient(browser, { ip: "203.0.113.66, 2001:db8::5ee" });
  const page = await spoofed.newPage();
  await signIn(page, { email, password: "sid's passphrase" });
  await page.goto("/dashboard/security");
  const sessions = page.getByRole("list", { name: "Active sessions" });
  await expect(sessions).toContainText("2001:db8::5ee");
  await expect(sessions).not.toContainText("203.0.113.66");
  await spoofed.close();
});
