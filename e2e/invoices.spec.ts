import fs from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { mailCount, signedInAs, waitForMail } from "./helpers";
import { createInvoiceAsStaff, pdfText, staffCreatesInvoice, uniqueLine } from "./invoices";
import { e2eUsers } from "./users";

const customerEmail = e2eUsers.customer.email;

test("staff write an invoice with two lines and send it; the customer finds it, downloads its PDF, and sees it paid once staff record a bank transfer", async ({ browser }) => {
  const design = uniqueLine("Design work");
  const staff = await signedInAs(browser, "admin");
  const staffPage = await staff.newPage();

  // A line without a description or price is refused next to its fields, and nothing is created.
  await staffPage.goto(`/admin/invoices/new?customer=${encodeURIComponent(customerEmail)}`);
  await staffPage.getByRole("button", { name: "Create draft" }).click();
  await expect(staffPage.getByLabel("Description (line 1)")).toHaveAccessibleDescription("Describe what this line bills.");
  await expect(staffPage.getByLabel("Unit price (line 1)")).toHaveAccessibleDescription("Enter a price like 12.50, with at most 2 decimals.");
  await expect(staffPage).toHaveURL(/\/admin\/invoices\/new/);

  const { id, number } = await createInvoiceAsStaff(staffPage, {
    customerEmail,
    taxRate: "19",
    lines: [
      { description: design, quantity: "2", unitAmount: "100.00" },
      { description: "Hosting", quantity: "1", unitAmount: "25.50" },
    ],
  });
  // 225.50 plus 19 % tax (42.85) is 268.35; once sent, the amounts are no longer editable.
  await expect(staffPage.getByRole("row", { name: /Total/ }).first()).toContainText("$268.35");
  await expect(staffPage.getByRole("button", { name: "Save draft" })).toHaveCount(0);

  const customer = await signedInAs(browser, "customer");
  const page = await customer.newPage();
  await page.goto("/dashboard/invoices");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: number }) });
  await expect(row).toContainText("$268.35");
  await expect(row).toContainText("Open");
  await expect(page.getByRole("region", { name: "Total due" })).toContainText("$268.35");
  await row.getByRole("link", { name: number }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/invoices/${id}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Invoice ${number}` })).toBeVisible();
  await expect(page.getByRole("cell", { name: design })).toBeVisible();
  await expect(page.getByRole("button", { name: "Pay $268.35 now" })).toBeVisible();

  // Coming back from a checkout proves nothing: the invoice stays open until the payment is recorded.
  await page.goto(`/dashboard/invoices/${id}?checkout=success`);
  await expect(page.getByRole("status").filter({ hasText: "your payment is being confirmed" })).toBeVisible();
  await expect(page.getByRole("main").getByText("Open", { exact: true })).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download PDF" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${number}.pdf`);
  const bytes = await fs.readFile((await file.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const text = await pdfText(bytes);
  for (const expected of [number, design, "$268.35"]) expect(text).toContain(expected);

  await staffPage.goto(`/admin/invoices/${id}`);
  await expect(staffPage.getByLabel("Amount (USD)")).toHaveValue("268.35");
  await staffPage.getByLabel("Method").selectOption({ label: "Bank transfer" });
  // More than the balance, or a day still to come, is refused next to its field.
  const today = await staffPage.getByLabel("Received on").inputValue();
  await staffPage.getByLabel("Amount (USD)").fill("268.36");
  await staffPage.getByRole("button", { name: "Record payment" }).click();
  await expect(staffPage.getByLabel("Amount (USD)")).toHaveAccessibleDescription("That is more than the balance due.");
  await staffPage.getByLabel("Amount (USD)").fill("268.35");
  await staffPage.getByLabel("Received on").fill("2099-01-01");
  await staffPage.getByRole("button", { name: "Record payment" }).click();
  await expect(staffPage.getByLabel("Received on")).toHaveAccessibleDescription("The payment date cannot be in the future.");
  await staffPage.getByLabel("Received on").fill(today);
  await staffPage.getByRole("button", { name: "Record payment" }).click();
  await expect(staffPage.getByRole("status").filter({ hasText: "The invoice is paid" })).toBeVisible();
  await expect(staffPage.getByRole("region", { name: "Payments" })).toContainText("Bank transfer");
  await staff.close();

  await page.reload();
  await expect(page.getByRole("main").getByText("Paid", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("your payment is being confirmed")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Payments" })).toContainText("Bank transfer");
  await expect(page.getByRole("button", { name: /^Pay / })).toHaveCount(0);
  await page.goto("/dashboard/notifications");
  await expect(page.getByText(`Invoice ${number} is paid`)).toBeVisible();
  await customer.close();
});

test("at 360 px the invoice pages of both sides fit the screen", async ({ browser }) => {
  const long = uniqueLine("Quarterly maintenance of the reception phone system including after-hours support");
  const sent = await staffCreatesInvoice(browser, { customerEmail, taxRate: "19", lines: [{ description: long, quantity: "3", unitAmount: "1250.00" }] });
  const draft = await staffCreatesInvoice(browser, { customerEmail, send: false, lines: [{ description: long, quantity: "1", unitAmount: "10.00" }] });
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  for (const role of ["customer", "admin"] as const) {
    const context = await signedInAs(browser, role, { viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const urls = role === "customer" ? ["/dashboard/invoices", `/dashboard/invoices/${sent.id}`] : ["/admin/invoices", `/admin/invoices/${sent.id}`, `/admin/invoices/${draft.id}`, `/admin/invoices/new?customer=${encodeURIComponent(customerEmail)}`];
    for (const url of urls) {
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await overflow(page), `${role} ${url}`).toBeLessThanOrEqual(0);
    }
    await context.close();
  }
});

test("a customer pays an open invoice in demo mode: a declined card leaves it open with the reason, a good card pays it and the customer is told at once and by email", async ({ browser }) => {
  const { id, number } = await staffCreatesInvoice(browser, { customerEmail, lines: [{ description: uniqueLine("Support hours"), quantity: "2", unitAmount: "60.00" }] });
  const customer = await signedInAs(browser, "customer");
  const page = await customer.newPage();
  const pay = async (card: string) => {
    await page.goto(`/dashboard/invoices/${id}`);
    await page.getByRole("button", { name: "Pay $120.00 now" }).click();
    await expect(page).toHaveURL(/\/dashboard\/billing\/checkout\/[0-9a-f-]{36}$/);
    await expect(page.getByText("Demo payment mode — no real charges")).toBeVisible();
    await page.getByLabel("Card number").fill(card);
    await page.getByLabel("Expiry date").fill("12 / 34");
    await page.getByLabel("CVC").fill("123");
    await page.getByLabel("Name on card").fill("Cleo Customer");
    await page.getByRole("button", { name: /^Pay / }).click();
  };

  await pay("4000 0000 0000 0002");
  await expect(page.getByTestId("form-message")).toContainText("Your card was declined");
  await page.goto(`/dashboard/invoices/${id}`);
  await expect(page.getByRole("main").getByText("Open", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Payments" })).toContainText("Failed");

  // Another open tab of the customer's: the notice arrives there live, without a reload.
  const watcher = await customer.newPage();
  await watcher.goto("/dashboard");
  const mailsBefore = mailCount();
  await pay("4242 4242 4242 4242");
  await expect(page).toHaveURL(new RegExp(`/dashboard/invoices/${id}\\?checkout=success$`));
  await expect(watcher.getByRole("region", { name: "New notification" })).toContainText(`Invoice ${number} is paid`);
  expect((await waitForMail(customerEmail, { after: mailsBefore, subject: new RegExp(`Invoice ${number} is paid`) })).text).toContain(`/dashboard/invoices/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: `Invoice ${number}` })).toBeVisible();
  await expect(page.getByRole("main").getByText("Paid", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("your payment is being confirmed")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Payments" })).toContainText("Received");
  await expect(page.getByRole("button", { name: /^Pay / })).toHaveCount(0);
  await customer.close();
});
