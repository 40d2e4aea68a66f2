import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { createVerifiedCustomer, newClient, signedInAs, signIn } from "./helpers";

/** A minimal WAV file: what the platform would send as a call's recording. */
function wav(): Buffer {
  const data = 1600;
  const buffer = Buffer.alloc(44 + data);
  buffer.write("RIFF", 0, "ascii");
  buffer.writeUInt32LE(36 + data, 4);
  buffer.write("WAVEfmt ", 8, "ascii");
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(1, 22);
  buffer.writeUInt32LE(8000, 24);
  buffer.writeUInt32LE(16000, 28);
  buffer.writeUInt16LE(2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write("data", 36, "ascii");
  buffer.writeUInt32LE(data, 40);
  return buffer;
}

/** Staff create a key in /admin/platform-keys; the page shows it once. */
async function createKeyAsStaff(browser: Browser, name: string): Promise<string> {
  const staff = await signedInAs(browser, "admin");
  const page = await staff.newPage();
  await page.goto("/admin/platform-keys");
  await expect(page.getByRole("heading", { level: 1, name: "Platform keys" })).toBeVisible();
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText(`The key "${name}" was created.`)).toBeVisible();
  const key = await page.getByLabel("The new key").inputValue();
  expect(key).toMatch(/^cdp_/);
  await staff.close();
  return key;
}

const platform = (request: APIRequestContext, key: string) => ({
  claim: (limit = 100) => request.get(`/api/platform/call-requests?limit=${limit}`, { headers: { authorization: `Bearer ${key}` } }),
  preferences: (accountId: string) => request.get(`/api/platform/customers/${accountId}/call-preferences`, { headers: { authorization: `Bearer ${key}` } }),
  report: (call: Record<string, unknown>, recording?: Buffer) =>
    recording
      ? request.post("/api/platform/calls", { headers: { authorization: `Bearer ${key}` }, multipart: { call: JSON.stringify(call), recording: { name: "call.wav", mimeType: "audio/wav", buffer: recording } } })
      : request.post("/api/platform/calls", { headers: { authorization: `Bearer ${key}` }, data: call }),
});

test("staff create a platform key that is shown once, see its last use, and revoke it: its next request is refused", async ({ browser, request }) => {
  const name = `Platform ${randomUUID().slice(0, 6)}`;
  const key = await createKeyAsStaff(browser, name);
  expect((await platform(request, key).claim(1)).status()).toBe(200);

  const staff = await signedInAs(browser, "admin");
  const page = await staff.newPage();
  await page.goto("/admin/platform-keys");
  // Shown once: after a reload only its first characters are left.
  await expect(page.getByLabel("The new key")).toHaveCount(0);
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
  await expect(row).toContainText(key.slice(0, 10));
  await expect(row).not.toContainText(key);
  await expect(row.getByRole("cell").nth(2)).not.toHaveText("Never");
  await row.getByRole("button", { name: /^Revoke the key "/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke the key" }).click();
  await expect(page.getByText("The key was revoked.")).toBeVisible();
  await expect(row).toContainText("Revoked");

  const refused = await platform(request, key).claim(1);
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toMatch(/^Bearer/);
  await staff.close();
});

test("a customer sets call preferences and starts a call; the platform claims it, is refused a recording without consent, reports the call, and the customer sees it completed", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const key = await createKeyAsStaff(browser, `Round trip ${randomUUID().slice(0, 6)}`);
  const api = platform(request, key);
  const password = "call platform passphrase";
  const email = await createVerifiedCustomer(browser, "Carla Caller", password);
  const customer = await newClient(browser);
  const page = await customer.newPage();
  await signIn(page, { email, password });

  // Settings → Calls: auto-record needs consent, then both are saved and survive a reload.
  await page.goto("/dashboard/settings");
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Calls", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard\/settings\/calls$/);
  await expect(page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Calls", exact: true })).toHaveAttribute("aria-current", "page");
  await page.getByLabel("Record every call automatically").check();
  await page.getByRole("button", { name: "Save call settings" }).click();
  await expect(page.getByText("Allow call recording first")).toBeVisible();
  await page.getByLabel("Allow call recording").check();
  await page.getByLabel("Record every call automatically").check();
  await page.getByText("HD", { exact: true }).click();
  await page.getByRole("button", { name: "Save call settings" }).click();
  await expect(page.getByText("Your call settings have been saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Allow call recording")).toBeChecked();
  await expect(page.getByLabel("Record every call automatically")).toBeChecked();
  await expect(page.getByRole("radio", { name: "HD" })).toBeChecked();

  // Start a call: a bad number is answered next to the field; a good one is listed as pending.
  await page.goto("/dashboard/calls/requests");
  await expect(page.getByRole("heading", { level: 1, name: "Start a call" })).toBeVisible();
  await page.getByLabel("Number to call").fill("12345");
  await page.getByRole("button", { name: "Request the call" }).click();
  await expect(page.getByText("Enter the number with its country code")).toBeVisible();
  const number = `+4930${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
  await page.getByLabel("Number to call").fill(number);
  await page.getByLabel("Notes for the agent").fill("Ask about the renewal");
  await page.getByRole("button", { name: "Request the call" }).click();
  await expect(page.getByText("Your call is requested.")).toBeVisible();
  const listed = page.getByRole("list", { name: "Call requests, newest first" }).getByRole("listitem").filter({ hasText: number });
  await expect(listed).toContainText("Pending");
  // A second one, for later, changes the customer's mind: cancelled after confirming, while pending.
  const later = `+4940${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
  await page.getByLabel("Number to call").fill(later);
  await page.getByLabel("When").fill("2031-03-01T10:30");
  await page.getByRole("button", { name: "Request the call" }).click();
  await expect(page.getByText("Your call is requested.")).toBeVisible();
  const second = page.getByRole("list", { name: "Call requests, newest first" }).getByRole("listitem").filter({ hasText: later });
  await expect(second).toContainText("Mar 1, 2031");
  await second.getByRole("button", { name: /^Cancel the call to / }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel the request" }).click();
  await expect(page.getByText("The call request is cancelled.")).toBeVisible();
  await expect(second).toContainText("Cancelled");
  await expect(second.getByRole("button", { name: /^Cancel the call to / })).toHaveCount(0);

  // The platform claims it (once), with the account's preferences.
  const claimed = ((await (await api.claim()).json()) as { requests: { id: string; accountId: string; toNumber: string; preferences: Record<string, unknown> }[] }).requests.find((request) => request.toNumber === number);
  expect(claimed?.preferences).toMatchObject({ recordingConsent: true, autoRecord: true, callQuality: "hd" });
  expect(((await (await api.claim()).json()) as { requests: { id: string }[] }).requests.map((request) => request.id)).not.toContain(claimed!.id);
  await page.reload();
  await expect(listed).toContainText("In progress");

  // The customer takes consent back: auto-record goes with it, and the platform reads the change.
  await page.goto("/dashboard/settings/calls");
  await page.getByLabel("Allow call recording").uncheck();
  await expect(page.getByLabel("Record every call automatically")).not.toBeChecked();
  await page.getByRole("button", { name: "Save call settings" }).click();
  await expect(page.getByText("Your call settings have been saved.")).toBeVisible();
  expect(((await (await api.preferences(claimed!.accountId)).json()) as { preferences: Record<string, unknown> }).preferences).toMatchObject({ recordingConsent: false, autoRecord: false });

  const call = {
    platformCallId: `e2e-${randomUUID()}`,
    accountId: claimed!.accountId,
    callRequestId: claimed!.id,
    direction: "outbound",
    status: "completed",
    fromNumber: "+4930111222",
    toNumber: number,
    startedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    durationSeconds: 184,
    summary: "Renewal confirmed",
    satisfaction: 5,
    cost: 25,
    currency: "eur",
  };
  const refused = await api.report(call, wav());
  expect(refused.status()).toBe(422);
  expect(((await refused.json()) as { error: { fields: Record<string, string> } }).error.fields.recording).toContain("not consented");
  await page.goto("/dashboard/calls/requests");
  await expect(listed).toContainText("In progress");

  // An open call history hears of the new call and shows it without a reload.
  const live = await customer.newPage();
  const streaming = live.waitForResponse((response) => response.url().endsWith("/api/notifications/stream"));
  await live.goto("/dashboard/calls");
  await streaming;
  const reported = await api.report(call);
  expect(reported.status()).toBe(201);
  const { call: stored } = (await reported.json()) as { call: { id: string } };
  await expect(live.getByRole("main").locator(`a[href="/dashboard/calls/${stored.id}"]`).first()).toBeVisible({ timeout: 15_000 });
  expect((await api.report(call)).status()).toBe(200);

  await page.reload();
  await expect(listed).toContainText("Completed");
  await expect(listed.getByRole("link", { name: "View call" })).toHaveAttribute("href", `/dashboard/calls/${stored.id}`);
  await customer.close();
});

test("staff import calls from CSV: a file with a bad row writes nothing and names the row, the fixed file imports every call once", async ({ browser }) => {
  const email = await createVerifiedCustomer(browser, "Ivy Import", "import passphrase");
  const id = randomUUID().slice(0, 8);
  const file = (currency: string) => ({
    name: "calls.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      [
        "account,platform_call_id,direction,status,from_number,to_number,started_at,duration_seconds,satisfaction,cost,currency,summary",
        `${email},imp-${id}-1,inbound,completed,+4930123456,+4930765432,2026-10-02T09:15:00Z,245,5,42,eur,"Asked about the invoice, resolved"`,
        `${email},imp-${id}-2,outbound,missed,+4930765432,+4930123456,2026-10-02T10:00:00+01:00,0,,0,${currency},`,
      ].join("\n"),
    ),
  });
  const staff = await signedInAs(browser, "admin");
  const page = await staff.newPage();
  await page.goto("/admin/calls/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import calls" })).toBeVisible();
  await expect(page.getByRole("table", { name: "The file's columns" })).toContainText("platform_call_id");

  await page.getByLabel("CSV file").setInputFiles(file("xyz"));
  await page.getByRole("button", { name: "Check and import" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Nothing was imported: 1 row has a problem. Fix it and upload the file again.");
  const report = page.getByRole("table", { name: "Rows with problems, in file order" });
  await expect(report.getByRole("row")).toHaveCount(2);
  await expect(report.getByRole("row").nth(1)).toHaveText(["3", "currency", "Use usd, eur or gbp."].join(""));

  await page.getByLabel("CSV file").setInputFiles(file("eur"));
  await page.getByRole("button", { name: "Check and import" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("2 calls were imported.");
  await expect(report).toHaveCount(0);

  // Imported once: the same file again is two duplicates and writes nothing.
  await page.getByLabel("CSV file").setInputFiles(file("eur"));
  await page.getByRole("button", { name: "Check and import" }).click();
  await expect(page.getByTestId("form-message")).toContainText("2 rows have problems");
  await expect(report).toContainText("A call with this platform call id is already stored.");
  await staff.close();
});
