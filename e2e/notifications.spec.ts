import { expect, test, type Page } from "@playwright/test";
import { createVerifiedCustomer, mailCount, newClient, signedInAs, submitSignIn, waitForMail } from "./helpers";

const password = "notification passphrase 42";
const firefoxOnWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0";

const bell = (page: Page) => page.getByRole("banner").getByRole("link", { name: /^Notifications/ });

async function signInAs(page: Page, email: string) {
  await page.goto("/sign-in");
  await submitSignIn(page, { email, password });
  await expect(page).toHaveURL(/\/dashboard$/);
}

test("a session signed out by staff is announced in the customer's open dashboard without a reload, and the bell counts it", async ({ browser }) => {
  const email = await createVerifiedCustomer(browser, "Nora Notified", password);
  const laptop = await newClient(browser);
  const open = await laptop.newPage();
  await signInAs(open, email);
  const phone = await newClient(browser, { userAgent: firefoxOnWindows });
  const other = await phone.newPage();
  await signInAs(other, email);

  // The very first sign-in is no news; the second browser's is, and arrives live.
  await expect(bell(open)).toHaveAccessibleName("Notifications, 1 unread");
  await open.evaluate(() => Object.assign(window, { notReloaded: true }));

  const staff = await signedInAs(browser, "admin");
  const admin = await staff.newPage();
  await admin.goto(`/admin/users?query=${encodeURIComponent(email)}`);
  await admin.getByRole("link", { name: "Nora Notified" }).click();
  const devices = admin.getByRole("list", { name: "Signed-in devices" });
  const mailsBefore = mailCount();
  await devices.getByRole("listitem").filter({ hasText: "Firefox on Windows" }).getByRole("button", { name: "Sign out" }).click();
  await expect(admin.getByText("1 session has been signed out.")).toBeVisible();
  await expect(devices.getByRole("listitem")).toHaveCount(1);

  const card = open.getByRole("region", { name: "New notification" });
  await expect(card).toContainText("Our team signed out your sessions");
  await expect(card).toBeInViewport({ ratio: 1 });
  await expect(bell(open)).toHaveAccessibleName("Notifications, 2 unread");
  expect(await open.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await card.getByRole("link", { name: "View notification" }).click();
  await expect(open).toHaveURL(/\/dashboard\/security$/);

  // The signed-out device is out at its next request, and the owner also got an email.
  await other.reload();
  await expect(other).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard&reason=session-ended$/);
  expect((await waitForMail(email, { after: mailsBefore, subject: /signed out your sessions/ })).text).toContain("/dashboard/security");

  // Signed out everywhere, the open page says so at once instead of at its next click.
  await admin.getByRole("button", { name: "Sign out everywhere" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(admin.getByText("No device is signed in.")).toBeVisible();
  const notice = open.getByRole("alertdialog", { name: "You have been signed out" });
  await expect(notice).toBeVisible();
  // It covers the page, not just the header it is rendered from: the page behind takes no clicks.
  const viewport = open.viewportSize()!;
  expect(await open.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest("[role=alertdialog], .fixed") !== null, { x: 10, y: viewport.height - 10 })).toBe(true);
  await notice.getByRole("link", { name: "Sign in again" }).click();
  await expect(open).toHaveURL(/\/sign-in\?reason=session-ended&callbackUrl=%2Fdashboard%2Fsecurity$/);
  await Promise.all([laptop.close(), phone.close(), staff.close()]);
});

test("a customer marks one notification read, then all, and the bell follows; email choices are kept", async ({ browser }) => {
  const email = await createVerifiedCustomer(browser, "Mark Reader", password);
  const contexts = [await newClient(browser), await newClient(browser), await newClient(browser)];
  const pages = await Promise.all(contexts.map((context) => context.newPage()));
  for (const page of pages) await signInAs(page, email);
  const page = pages[0]!;

  await page.goto("/dashboard/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  // Two browsers after the first were new to the account.
  await expect(page.getByText("2 unread notifications.")).toBeVisible();
  const list = page.getByRole("list", { name: "Notifications" });
  await expect(list.getByRole("listitem")).toHaveCount(2);

  await list.getByRole("listitem").first().getByRole("button", { name: "Mark as read" }).click();
  await expect(page.getByText("Marked as read.")).toBeVisible();
  // The pressed button has gone with the row's unread state: focus lands on the outcome, not the page top.
  await expect(page.getByRole("status").filter({ hasText: "Marked as read." })).toBeFocused();
  await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread");
  // Another open tab hears of it too.
  await expect(bell(pages[1]!)).toHaveAccessibleName("Notifications, 1 unread");

  await page.getByRole("link", { name: "Unread first" }).click();
  await expect(page).toHaveURL(/order=unread/);
  await expect(list.getByRole("listitem").first().getByRole("button", { name: "Mark as read" })).toBeVisible();
  await expect(list.getByRole("listitem").last().getByRole("button", { name: "Mark as read" })).toHaveCount(0);

  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByText("1 notification marked as read.")).toBeVisible();
  await expect(bell(page)).toHaveAccessibleName("Notifications");
  await expect(list.getByRole("button", { name: "Mark as read" })).toHaveCount(0);

  await page.goto("/dashboard/settings/notifications");
  const account = page.getByRole("checkbox", { name: "Email for Account and security" });
  await expect(account).toBeChecked();
  await account.uncheck();
  await page.getByRole("button", { name: "Save notification choices" }).click();
  await expect(page.getByText("Your notification choices have been saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Email for Account and security" })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Email for Projects" })).toBeChecked();
  await Promise.all(contexts.map((context) => context.close()));
});
