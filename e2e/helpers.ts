import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { generateSync } from "otplib";
import { expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { e2eUsers, storageStatePath } from "./users";

export const mailbox = path.resolve(".data/e2e/mailbox.jsonl");

type Mail = { to: string[]; subject: string; text: string };

/** Waits for the newest mail to `to` that the e2e SMTP server received after `since` lines. */
export async function waitForMail(to: string, options: { after?: number; subject?: RegExp } = {}): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(
      () => {
        const lines = fs.readFileSync(mailbox, "utf8").split("\n").filter(Boolean).slice(options.after ?? 0);
        found = lines
          .map((line) => JSON.parse(line) as Mail)
          .filter((mail) => mail.to.includes(to) && (!options.subject || options.subject.test(mail.subject)))
          .at(-1);
        return Boolean(found);
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

export function mailCount(): number {
  return fs.readFileSync(mailbox, "utf8").split("\n").filter(Boolean).length;
}

export function linkIn(mail: Mail, pathname: string): string {
  const match = mail.text.match(new RegExp(`https?://[^\\s]+${pathname}\\?token=[A-Za-z0-9_-]+`));
  if (!match) throw new Error(`no ${pathname} link in mail "${mail.subject}"`);
  return match[0];
}

export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@e2e.clientdesk.test`;
}

/** An address from the IPv6 documentation prefix, in a /64 of its own (rate limits count IPv6 by /64). */
export function uniqueIp(): string {
  const hex = randomUUID().replace(/-/g, "");
  return `2001:db8:${hex.slice(0, 4)}:${hex.slice(4, 8)}::1`;
}

/**
 * A browser context with its own client address, so one test's sign-in attempts never count
 * against another's rate limit. The e2e server trusts one proxy hop, and the test plays that proxy.
 */
export async function newClient(browser: Browser, options: BrowserContextOptions & { ip?: string } = {}): Promise<BrowserContext> {
  const { ip = uniqueIp(), ...contextOptions } = options;
  return browser.newContext({ ...contextOptions, extraHTTPHeaders: { "x-forwarded-for": ip, ...contextOptions.extraHTTPHeaders } });
}

/** A context already signed in as the suite's customer or admin (saved by e2e/auth.setup.ts). */
export async function signedInAs(browser: Browser, role: keyof typeof e2eUsers, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return newClient(browser, { ...options, storageState: storageStatePath(role) });
}

type Credentials = { email: string; password: string };

/** Fills and sends the sign-in form the page shows; the caller asserts the outcome. */
export async function submitSignIn(page: Page, credentials: Credentials) {
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * The authenticator app's code for `secret`. A code is accepted once: a second sign-in within the
 * same 30 seconds uses the next one (`stepsAhead` 1), which the server accepts a step early.
 */
export function totpCode(secret: string, stepsAhead = 0): string {
  return generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });
}

/** The code step of a two-factor sign-in. */
export async function submitTwoFactorCode(page: Page, code: string) {
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
}

export async function signIn(page: Page, credentials: Credentials) {
  await page.goto("/sign-in");
  await submitSignIn(page, credentials);
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** Fills and sends the sign-up form; the caller asserts the outcome. */
export async function submitSignUp(page: Page, account: Credentials & { name: string }) {
  await page.goto("/sign-up");
  await page.getByLabel("Full name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /^Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=signed-out$/);
  await expect(page.getByRole("status")).toHaveText("You have been signed out.");
}

/** Signs up through the UI and confirms the emailed link, as a new customer would. */
export async function createVerifiedCustomer(browser: Browser, name: string, password: string): Promise<string> {
  const email = uniqueEmail(name.split(" ")[0]!.toLowerCase());
  const context = await newClient(browser);
  const page = await context.newPage();
  const before = mailCount();
  await submitSignUp(page, { name, email, password });
  await page.goto(linkIn(await waitForMail(email, { after: before }), "/verify-email"));
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByTestId("form-message")).toContainText("confirmed");
  await context.close();
  return email;
}
