import { expect, test, type Page } from "@playwright/test";
import { mailCount, newClient, signedInAs, submitSignUp, uniqueEmail, waitForMail } from "./helpers";
import { bouncedAddresses, e2eUsers } from "./users";

/** Today as the e2e admin's calendar shows it (their time zone is Europe/Berlin). */
function berlinDay(offsetDays = 0): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date(Date.now() + offsetDays * 86_400_000));
}

async function expectNoPageOverflow(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

test("staff read the audit log and filter it by actor, action and the days of their own time zone", async ({ browser }) => {
  const staff = await signedInAs(browser, "admin");
  const page = await staff.newPage();
  await page.goto("/admin");
  await page.getByRole("complementary").getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(page.getByText("Times in Europe/Berlin")).toBeVisible();

  await page.getByLabel("User", { exact: true }).fill(e2eUsers.admin.email);
  await page.getByLabel("Action").selectOption({ label: "Signed in" });
  await page.getByLabel("From", { exact: true }).fill(berlinDay());
  await page.getByLabel("To", { exact: true }).fill(berlinDay());
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=auth\.sign_in/);
  const rows = page.getByRole("table", { name: "Audit log entries, newest first" }).locator("tbody tr");
  await expect(rows.first()).toContainText("Signed in");
  await expect(rows.first().getByRole("link", { name: e2eUsers.admin.name }).first()).toBeVisible();
  for (const row of await rows.all()) await expect(row).toContainText(e2eUsers.admin.email);

  // The URL holds the filters: tomorrow has no entries yet.
  await page.getByLabel("From", { exact: true }).fill(berlinDay(1));
  await page.getByLabel("To", { exact: true }).fill(berlinDay(1));
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No entries match these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Clear the filters" }).first().click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await staff.close();
});

test("staff find a message in the outbox with its token redacted, and retry a failed email", async ({ browser }) => {
  // A sign-up sends a confirmation link; staff see the message but never its token.
  const email = uniqueEmail("outbox");
  const visitor = await newClient(browser);
  const before = mailCount();
  await submitSignUp(await visitor.newPage(), { name: "Olive Outbox", email, password: "olive's passphrase" });
  const confirmation = await waitForMail(email, { after: before });
  const token = confirmation.text.match(/token=([A-Za-z0-9_-]+)/)![1]!;
  await visitor.close();

  const staff = await signedInAs(browser, "admin");
  const page = await staff.newPage();
  await page.goto("/admin");
  await page.getByRole("complementary").getByRole("link", { name: "Outbox" }).click();
  await page.getByLabel("Recipient").fill(email);
  await page.getByRole("button", { name: "Filter" }).click();
  await page.getByRole("link", { name: email }).click();
  await expect(page.getByText("token=[redacted]")).toBeVisible();
  expect(await page.content()).not.toContain(token);

  await page.goto("/admin/outbox?status=failed");
  const row = page.getByRole("row").filter({ hasText: bouncedAddresses.desktop });
  await expect(row.getByText("Failed", { exact: true }).filter({ visible: true })).toBeVisible();
  await expect(row).toContainText("SMTP 550 mailbox unavailable");
  const sent = mailCount();
  await row.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByTestId("form-message")).toContainText("queued for delivery again");
  expect((await waitForMail(bouncedAddresses.desktop, { after: sent })).subject).toBe("New sign-in to your account");

  await expect(async () => {
    await page.goto(`/admin/outbox?query=${encodeURIComponent(bouncedAddresses.desktop)}`);
    await expect(page.getByRole("row").filter({ hasText: bouncedAddresses.desktop }).getByText("Sent", { exact: true }).filter({ visible: true })).toBeVisible({ timeout: 1_000 });
  }).toPass();

  await page.goto("/admin/audit?action=admin.email_retried");
  await expect(page.getByRole("table").locator("tbody tr").first()).toContainText("Retried an email");
  await expect(page.getByRole("table").locator("tbody tr").first()).toContainText(e2eUsers.admin.name);
  await staff.close();
});

test("at 375 px the audit log, the outbox and the jobs list fit the screen, and a failed email can be retried from its card", async ({ browser }) => {
  const staff = await signedInAs(browser, "admin", { viewport: { width: 375, height: 740 } });
  const page = await staff.newPage();
  await page.goto(`/admin/audit?actor=${encodeURIComponent(e2eUsers.admin.email)}`);
  await expectNoPageOverflow(page);
  await expect(page.getByRole("table").locator("tbody tr").first().getByText(e2eUsers.admin.email).filter({ visible: true }).first()).toBeVisible();

  await page.goto(`/admin/outbox?query=${encodeURIComponent(bouncedAddresses.phone)}`);
  await expectNoPageOverflow(page);
  const card = page.getByRole("table").locator("tbody tr").first();
  await expect(card.getByText("Failed", { exact: true }).filter({ visible: true })).toBeVisible();
  await card.getByRole("button", { name: "Retry" }).filter({ visible: true }).click();
  await expect(page.getByTestId("form-message").filter({ visible: true })).toContainText("queued for delivery again");

  await page.goto("/admin/jobs");
  await expectNoPageOverflow(page);
  await expect(page.getByRole("heading", { name: "Failed jobs", level: 1 })).toBeVisible();
  await staff.close();
});
