import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createVerifiedCustomer, mailbox, mailCount, newClient, signedInAs, submitSignIn, waitForMail } from "./helpers";
import { e2ePassword } from "./users";
import { e2eCallsCustomer } from "./calls";
import { staffCreatesInvoice, uniqueLine } from "./invoices";
import { staffCreatesProject, uniqueProjectName } from "./projects";

const password = "settings passphrase 42";
const bell = (page: Page) => page.getByRole("banner").getByRole("link", { name: /^Notifications/ });

async function signedInCustomer(browser: Browser, name: string, viewport?: { width: number; height: number }) {
  const email = await createVerifiedCustomer(browser, name, password);
  const context = await newClient(browser, viewport ? { viewport } : {});
  const page = await context.newPage();
  await page.goto("/sign-in");
  await submitSignIn(page, { email, password });
  await expect(page).toHaveURL(/\/dashboard$/);
  return { email, context, page };
}

/** Subjects of the mails to `to` the e2e SMTP server received after `after` lines. */
function subjectsTo(to: string, after: number): string[] {
  return fs
    .readFileSync(mailbox, "utf8")
    .split("\n")
    .filter(Boolean)
    .slice(after)
    .map((line) => JSON.parse(line) as { to: string[]; subject: string })
    .filter((mail) => mail.to.includes(to))
    .map((mail) => mail.subject);
}

test("a category switched off in-app and by email brings neither a notification nor an email; switched on again, both come (at 360 px)", async ({ browser }) => {
  const { email, context, page } = await signedInCustomer(browser, "Quinn Quiet", { width: 360, height: 800 });
  await page.goto("/dashboard/settings/notifications");
  const grid = page.getByRole("table", { name: "Notification channels per category" });
  // Account notices cannot be silenced in-app; SMS waits for a provider; marketing is opt-in.
  await expect(grid.getByRole("checkbox", { name: "In-app for Account and security" })).toBeChecked();
  await expect(grid.getByRole("checkbox", { name: "In-app for Account and security" })).toBeDisabled();
  await expect(grid.getByRole("checkbox", { name: "SMS for Invoices and billing" })).toBeDisabled();
  await expect(page.getByText("Text messages are not available yet")).toBeVisible();
  for (const channel of ["In-app", "Email", "SMS"]) await expect(grid.getByRole("checkbox", { name: `${channel} for Product news and offers` })).not.toBeChecked();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await grid.getByRole("checkbox", { name: "In-app for Projects" }).uncheck();
  await grid.getByRole("checkbox", { name: "Email for Projects" }).uncheck();
  await page.getByRole("button", { name: "Save notification choices" }).click();
  await expect(page.getByText("Your notification choices have been saved.")).toBeVisible();

  const before = mailCount();
  const quiet = uniqueProjectName("Quiet site");
  await staffCreatesProject(browser, { customerEmail: email, name: quiet });
  await page.goto("/dashboard/projects");
  await expect(page.getByRole("main").getByText(quiet)).toBeVisible();
  await expect(bell(page)).toHaveAccessibleName("Notifications");

  await page.goto("/dashboard/settings/notifications");
  await grid.getByRole("checkbox", { name: "In-app for Projects" }).check();
  await grid.getByRole("checkbox", { name: "Email for Projects" }).check();
  await page.getByRole("button", { name: "Save notification choices" }).click();
  await expect(page.getByText("Your notification choices have been saved.")).toBeVisible();
  const loud = uniqueProjectName("Loud site");
  await staffCreatesProject(browser, { customerEmail: email, name: loud });
  await waitForMail(email, { after: before, subject: new RegExp(loud) });
  await page.reload();
  await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread");
  // Mail goes out in order: the second project's arrived, so the first one's would have too.
  expect(subjectsTo(email, before).filter((subject) => subject.includes(quiet))).toEqual([]);
  await context.close();
});

test("a customer who keeps their contact details private: staff no longer see the phone, but still the name and email", async ({ browser }) => {
  const { email, context, page } = await signedInCustomer(browser, "Pia Private");
  await page.goto("/dashboard/profile");
  await page.getByLabel("Phone").fill("+49 30 7654321");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("Your details are saved.")).toBeVisible();

  const staff = await signedInAs(browser, "admin");
  const admin = await staff.newPage();
  await admin.goto(`/admin/users?query=${encodeURIComponent(email)}`);
  await admin.getByRole("link", { name: "Pia Private" }).click();
  const contact = admin.getByRole("region", { name: "Contact details" });
  await expect(contact.getByText("+49 30 7654321")).toBeVisible();

  await page.goto("/dashboard/settings/privacy");
  await expect(page.getByRole("link", { name: "Open call settings" })).toHaveAttribute("href", "/dashboard/settings/calls");
  const visible = page.getByRole("checkbox", { name: "Show my contact details to staff" });
  await expect(visible).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Share call data to improve the service" })).not.toBeChecked();
  await visible.uncheck();
  await page.getByRole("button", { name: "Save privacy choices" }).click();
  await expect(page.getByText("Your privacy choices have been saved.")).toBeVisible();

  await admin.reload();
  await expect(contact.getByText("keeps their contact details private")).toBeVisible();
  await expect(admin.getByText("+49 30 7654321")).toHaveCount(0);
  await expect(admin.getByRole("heading", { level: 1, name: "Pia Private" })).toBeVisible();
  await expect(admin.getByText(email).first()).toBeVisible();
  await Promise.all([context.close(), staff.close()]);
});

test("date format, clock and time zone are saved, shown with examples, and followed by the overview", async ({ browser }) => {
  const { context, page } = await signedInCustomer(browser, "Dora Dates");
  await page.goto("/dashboard/settings");
  await page.getByLabel("Find a zone by city, region or offset").fill("kolkata");
  await page.getByLabel("Date format").selectOption("ymd");
  await page.getByLabel("Time format").selectOption("h24");
  await page.getByLabel("Dashboard density").selectOption("compact");
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByTestId("form-message")).toContainText("Your preferences have been saved.");

  await page.reload();
  // Each option shows an example: today (in the chosen zone) in that format, and an afternoon time.
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  await expect(page.getByLabel("Date format").locator("option:checked")).toHaveText(`Year-month-day (${today})`);
  await expect(page.getByLabel("Time format").locator("option:checked")).toHaveText("24-hour (15:30)");
  await expect(page.getByLabel("Time format").locator("option[value=h12]")).toHaveText("12-hour (3:30 PM)");
  await expect(page.getByLabel("Dashboard density")).toHaveValue("compact");
  await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue("Asia/Kolkata");

  await page.goto("/dashboard");
  await expect(page.getByText("Dates and times are shown in Asia/Kolkata.")).toBeVisible();
  await context.close();
});

test("an invoice's date follows the chosen date format", async ({ browser }) => {
  const { email, context, page } = await signedInCustomer(browser, "Ivo Invoice");
  const { id } = await staffCreatesInvoice(browser, { customerEmail: email, lines: [{ description: uniqueLine("Dates"), quantity: "1", unitAmount: "10" }] });
  await page.goto("/dashboard/settings");
  await page.getByLabel("Date format").selectOption("ymd");
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByTestId("form-message")).toContainText("Your preferences have been saved.");
  // The staff form's issue date is today in the staff member's zone (the e2e admin's is Europe/Berlin).
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  await page.goto(`/dashboard/invoices/${id}`);
  await expect(page.getByRole("main").getByText(today).first()).toBeVisible();
  await context.close();
});

test("a call's time follows the chosen time zone and clock, and the theme and language switch at once", async ({ browser }) => {
  const context = await newClient(browser);
  const page = await context.newPage();
  await page.goto("/sign-in");
  await submitSignIn(page, { email: e2eCallsCustomer.email, password: e2ePassword });
  await expect(page).toHaveURL(/\/dashboard$/);
  const callTime = page.getByRole("main").locator(`time[datetime]`).first();
  const expected = (startedAt: Date, timeZone: string, hourCycle: "h12" | "h23") =>
    `${new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(startedAt)} ${new Intl.DateTimeFormat("en", { timeZone, timeStyle: "short", hourCycle }).format(startedAt)}`.replace(/\u202f/g, " ");
  const choose = async (zone: string, zoneValue: string, time: "h12" | "h24", theme: "dark" | "light") => {
    await page.goto("/dashboard/settings");
    await page.getByLabel("Find a zone by city, region or offset").fill(zone);
    await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue(zoneValue);
    await page.getByLabel("Date format").selectOption("ymd");
    await page.getByLabel("Time format").selectOption(time);
    await page.locator("label").filter({ has: page.locator(`input[name=theme][value=${theme}]`) }).click();
    await page.getByRole("button", { name: "Save preferences" }).click();
    await expect(page.getByTestId("form-message")).toContainText("Your preferences have been saved.");
    await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
  };
  try {
    await choose("tokyo", "Asia/Tokyo", "h24", "dark");
    await page.goto(`/dashboard/calls/${e2eCallsCustomer.recordedCallId}`);
    const startedAt = new Date((await callTime.getAttribute("datetime"))!);
    await expect(callTime).toHaveText(expected(startedAt, "Asia/Tokyo", "h23"));

    await choose("los angeles", "America/Los_Angeles", "h12", "light");
    await page.goto(`/dashboard/calls/${e2eCallsCustomer.recordedCallId}`);
    await expect(callTime).toHaveText(expected(startedAt, "America/Los_Angeles", "h12"));

    await page.goto("/dashboard/settings");
    await page.getByLabel("Language").selectOption("de");
    await page.getByRole("button", { name: "Save preferences" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Einstellungen");
  } finally {
    // The calls customer is shared with other specs: give back its seeded preferences (English, New York).
    await page.goto("/dashboard/settings");
    await page.locator("select[name=locale]").selectOption("en");
    await page.locator("label").filter({ has: page.locator("input[name=theme][value=auto]") }).click();
    await page.locator("select[name=dateFormat]").selectOption("locale");
    await page.locator("select[name=timeFormat]").selectOption("locale");
    await page.getByRole("button", { name: /^(Save preferences|Einstellungen speichern)$/ }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByLabel("Find a zone by city, region or offset").fill("new york");
    await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue("America/New_York");
    await page.getByRole("button", { name: "Save preferences" }).click();
    await expect(page.getByTestId("form-message")).toContainText("Your preferences have been saved.");
    await context.close();
  }
});
