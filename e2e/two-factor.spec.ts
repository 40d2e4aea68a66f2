import { expect, test, type Page } from "@playwright/test";
import { demoAdminTotpSecret, demoLogins, demoPassword } from "@/db/demo";
import { callAction, findServerAction } from "./security/actions";
import { createVerifiedCustomer, newClient, signedInAs, signOut, submitSignIn, submitTwoFactorCode, totpCode } from "./helpers";
import { e2eAdminTotpSecret, e2ePassword, e2eStaffWithoutTwoFactor, e2eUsers } from "./users";

/** Sets up two-factor from the Security page, as a user with an authenticator app does; returns the key and the codes shown. */
async function enrol(page: Page, password: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  await expect(page.getByText("Enter your password.")).toBeVisible();
  await page.getByLabel("Current password").fill(password);
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  await page.getByLabel("Code from the app").fill("123");
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText("Enter the 6-digit code your app shows.")).toBeVisible();
  await page.getByLabel("Code from the app").fill(totpCode(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  const codes = page.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  return { secret, recoveryCodes: await codes.allInnerTexts() };
}

test("at 375 px a customer turns on two-factor, then signs in with a code and with a recovery code, and sees both in the sign-in history", async ({ browser }) => {
  const password = "tove's passphrase";
  const email = await createVerifiedCustomer(browser, "Tove Twofactor", password);
  const context = await newClient(browser, { viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  // On a phone the live card of a new notification sits over the bottom of the page: closed as a user would.
  const arrival = page.getByRole("region", { name: "New notification" });
  await page.addLocatorHandler(arrival, () => arrival.getByRole("button", { name: "Dismiss" }).click());
  await page.goto("/sign-in");
  await submitSignIn(page, { email, password });
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto("/dashboard/security");
  const card = page.getByRole("region", { name: "Two-factor authentication" });
  await expect(card.getByText("Off", { exact: true })).toBeVisible();
  await card.getByRole("link", { name: "Set up two-factor" }).click();
  const { secret, recoveryCodes } = await enrol(page, password);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.getByRole("link", { name: "Done, I have saved my codes" }).click();
  await expect(card.getByText("On", { exact: true })).toBeVisible();
  await expect(card).toContainText("10 recovery codes left.");

  // The password alone is not enough any more.
  await signOut(page);
  await submitSignIn(page, { email, password });
  await page.getByLabel("Authentication code").fill("000000" === totpCode(secret, 1) ? "111111" : "000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("That code is not correct, or that recovery code was already used. Try the newest code from your app.")).toBeVisible();
  await submitTwoFactorCode(page, totpCode(secret, 1));
  await expect(page).toHaveURL(/\/dashboard$/);

  await signOut(page);
  await submitSignIn(page, { email, password });
  await submitTwoFactorCode(page, recoveryCodes[0]!);
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto("/dashboard/security");
  await expect(card).toContainText("9 recovery codes left.");
  const history = page.getByRole("list", { name: "Sign-in history" }).getByRole("listitem");
  await expect(history.first()).toContainText("Signed in with a recovery code");
  await expect(history.filter({ hasText: "Wrong two-factor code" })).toHaveCount(1);
  await expect(history.filter({ hasText: "with an authenticator code" })).toHaveCount(1);

  // Phone and codes lost: staff turn two-factor off (after asking), which signs the user out everywhere.
  const staff = await signedInAs(browser, "admin");
  const admin = await staff.newPage();
  await admin.goto(`/admin/users?query=${encodeURIComponent(email)}`);
  await admin.getByRole("link", { name: "Tove Twofactor" }).click();
  await expect(admin.getByText("Two-factor: On")).toBeVisible();
  await admin.getByRole("button", { name: "Turn off two-factor" }).click();
  await admin.getByRole("dialog", { name: "Turn off two-factor for Tove Twofactor?" }).getByRole("button", { name: "Turn off two-factor" }).click();
  await expect(admin.getByTestId("form-message")).toHaveText("Two-factor is off and the user has been signed out everywhere.");
  await expect(admin.getByText("Two-factor: Off")).toBeVisible();
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in/);
  // The password alone signs in now, back to the page the user was on.
  await submitSignIn(page, { email, password });
  await expect(page).toHaveURL(/\/dashboard\/security$/);
  await expect(card.getByText("Off", { exact: true })).toBeVisible();
  await Promise.all([context.close(), staff.close()]);
});

test("the demo admin signs in with the printed authenticator key and reaches the staff area", async ({ browser }) => {
  const context = await newClient(browser);
  const page = await context.newPage();
  await page.goto("/sign-in");
  await submitSignIn(page, { email: demoLogins.find((login) => login.role === "admin")!.email, password: demoPassword });
  await submitTwoFactorCode(page, totpCode(demoAdminTotpSecret));
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await context.close();
});

test("staff without two-factor are sent to turn it on before the staff area opens, and their staff actions are refused", async ({ browser }) => {
  const context = await newClient(browser);
  const page = await context.newPage();
  await page.goto("/sign-in");
  await submitSignIn(page, { email: e2eStaffWithoutTwoFactor.email, password: e2ePassword });
  await expect(page).toHaveURL(/\/dashboard\/security\/two-factor$/);
  await expect(page.getByText("Staff accounts must use two-factor authentication.")).toBeVisible();
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/dashboard\/security\/two-factor$/);

  // A staff action posted straight to the server is refused too, and says how to fix it.
  const refused = await callAction(context.request, findServerAction("setUserStatusAction"), {
    fields: { userId: "00000000-0000-4000-8000-000000000000", status: "disabled" },
  });
  expect(refused.state).toMatchObject({ ok: false, message: "Staff must turn on two-factor authentication first." });

  await enrol(page, e2ePassword);
  await page.getByRole("link", { name: "Done, I have saved my codes" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await context.close();
});

test("a two-factor account's password alone opens no session, and the code step needs the password step first", async ({ browser }) => {
  const context = await newClient(browser);
  const answer = await callAction(context.request, findServerAction("signInAction"), { fields: { email: e2eUsers.admin.email, password: e2ePassword } });
  expect(answer.redirect).toContain("/sign-in/two-factor");
  const cookies = await context.cookies();
  expect(cookies.map((cookie) => cookie.name)).not.toContain("authjs.session-token");
  expect((await context.request.get("/admin/users", { maxRedirects: 0 })).status()).toBe(307);

  // Another browser with the right code but no challenge of its own gets nowhere.
  const stranger = await newClient(browser);
  const attempt = await callAction(stranger.request, findServerAction("verifySignInCodeAction"), { fields: { code: totpCode(e2eAdminTotpSecret, 1) } });
  expect(attempt.redirect).toContain("/sign-in?reason=two-factor-expired");
  expect((await stranger.cookies()).map((cookie) => cookie.name)).not.toContain("authjs.session-token");
  await Promise.all([context.close(), stranger.close()]);
});
