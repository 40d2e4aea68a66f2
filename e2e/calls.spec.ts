import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { e2eCallIsInbound, e2eCallIsMissed, e2eCallsCustomer } from "./calls";
import { newClient, signIn } from "./helpers";
import { e2ePassword } from "./users";

const statePath = path.resolve(".data/e2e/auth/calls.json");

// The calls customer signs in through the form once; the tests reuse the session.
test.beforeAll(async ({ browser }) => {
  const context = await newClient(browser);
  await signIn(await context.newPage(), { email: e2eCallsCustomer.email, password: e2ePassword });
  fs.mkdirSync(path.dirname(statePath), { recursive: true });
  await context.storageState({ path: statePath });
  await context.close();
});

const callsCustomer = (browser: Browser) => newClient(browser, { storageState: statePath });

/** The rows of the history's table, as the time column's machine-readable instants. */
const rowTimes = (page: Page) => page.getByRole("region", { name: "Calls", exact: true }).locator("tbody tr time").evaluateAll((times) => times.map((time) => time.getAttribute("datetime")));

test("a customer filters and pages the call history, then opens a call and plays and seeks its recording", async ({ browser }) => {
  const context = await callsCustomer(browser);
  const page = await context.newPage();
  await page.goto("/dashboard/calls");
  await expect(page.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible();
  await expect(page.getByText("Total calls").locator("xpath=following-sibling::dd")).toHaveText(String(e2eCallsCustomer.callCount));

  const filters = page.getByRole("search", { name: "Filter calls" });
  await filters.getByLabel("Status").selectOption({ label: "Completed" });
  await filters.getByLabel("Direction").selectOption({ label: "Inbound" });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=completed/);
  await expect(page).toHaveURL(/direction=inbound/);
  const matching = Array.from({ length: e2eCallsCustomer.callCount }, (_, index) => index).filter((index) => !e2eCallIsMissed(index) && e2eCallIsInbound(index));
  const table = page.getByRole("region", { name: "Calls", exact: true });
  await expect(table.locator("tbody tr")).toHaveCount(25);
  await expect(table.locator("tbody")).not.toContainText("Missed");
  await expect(table.locator("tbody")).not.toContainText("Outbound");
  const firstPage = await rowTimes(page);

  await page.getByRole("link", { name: "Older" }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(page).toHaveURL(/status=completed&direction=inbound/);
  await expect(table.locator("tbody tr")).toHaveCount(matching.length - 25);
  const secondPage = await rowTimes(page);
  expect(secondPage.every((time) => time! < firstPage.at(-1)!)).toBe(true);
  await expect(page.getByRole("navigation", { name: "Pages of calls" }).getByText("Older")).toHaveAttribute("aria-disabled", "true");

  await page.getByRole("link", { name: "Newer" }).click();
  await expect(page).toHaveURL(/before=/);
  await expect(table.locator("tbody tr")).toHaveCount(25);
  expect(await rowTimes(page)).toEqual(firstPage);

  // Search finds the recorded call by its summary; its page plays the recording.
  await filters.getByLabel("Search").fill("Canary summary");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=Canary\+summary/);
  // The form keeps its other filters: the recorded call is outbound, so none matches.
  await expect(page.getByText("No calls match these filters.")).toBeVisible();
  await page.goto("/dashboard/calls?q=Canary+summary");
  await expect(table.locator("tbody tr")).toHaveCount(1);

  const ranged = page.waitForResponse((response) => response.url().endsWith(`/api/calls/${e2eCallsCustomer.recordedCallId}/recording`) && response.status() === 206);
  await table.getByRole("link", { name: /^Open/ }).click();
  await expect(page).toHaveURL(`/dashboard/calls/${e2eCallsCustomer.recordedCallId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Call of");
  await expect(page.getByText(e2eCallsCustomer.recordedSummary)).toBeVisible();
  await expect(page.getByText(e2eCallsCustomer.recordedTranscript)).toBeVisible();
  await expect(page.getByText("AI agent")).toBeVisible();
  expect((await ranged).headers()["content-range"]).toMatch(/^bytes \d+-\d+\/\d+$/);

  const audio = page.locator("audio");
  const played = await audio.evaluate(async (element: HTMLAudioElement) => {
    if (element.readyState < 1) await new Promise((resolve) => element.addEventListener("loadedmetadata", resolve, { once: true }));
    element.muted = true;
    await element.play();
    const playing = !element.paused;
    const seeked = new Promise((resolve) => element.addEventListener("seeked", resolve, { once: true }));
    element.currentTime = 7.5;
    await seeked;
    element.pause();
    return { duration: element.duration, playing, currentTime: element.currentTime };
  });
  expect(played.playing).toBe(true);
  expect(played.duration).toBeCloseTo(e2eCallsCustomer.recordingSeconds, 0);
  expect(played.currentTime).toBeGreaterThanOrEqual(7.5);
  expect(played.currentTime).toBeLessThan(8.5);
  await context.close();
});

test("a customer exports the filtered call history as CSV and gets exactly those calls", async ({ browser }) => {
  const context = await callsCustomer(browser);
  const page = await context.newPage();
  await page.goto("/dashboard/calls?status=missed&sort=duration&order=asc");
  const link = page.getByRole("link", { name: "Export CSV" });
  await expect(link).toHaveAttribute("href", "/api/calls/export?status=missed&sort=duration&order=asc");
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^calls-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parse(fs.readFileSync((await download.path())!), { columns: true }) as Record<string, string>[];
  const missed = Array.from({ length: e2eCallsCustomer.callCount }, (_, index) => index).filter(e2eCallIsMissed);
  expect(rows).toHaveLength(missed.length);
  expect(new Set(rows.map((row) => row.status))).toEqual(new Set(["missed"]));
  expect(rows.map((row) => row.from_number).sort()).toEqual(missed.map((index) => `+1212555${String(index).padStart(4, "0")}`).sort());
  // Times in the customer's timezone, New York: five or four hours behind UTC.
  for (const row of rows) expect(row.started_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-0[45]:00$/);
  // Sorted by duration (all 0 for missed calls), then by id, as the page.
  const ids = rows.map((row) => row.id);
  expect(ids).toEqual([...ids].sort());
  await context.close();
});

test("the overview shows the call statistics and the latest calls, each linking to its page", async ({ browser }) => {
  const context = await callsCustomer(browser);
  const page = await context.newPage();
  await page.goto("/dashboard");
  const stats = page.getByRole("region", { name: "Calls", exact: true });
  await expect(stats.getByText("Total calls").locator("xpath=following-sibling::dd")).toHaveText(String(e2eCallsCustomer.callCount));
  // The chart's text alternative: the last 30 days, which hold every call but the oldest few.
  await stats.getByText("Show the days as a table").click();
  const perDay = await stats.locator("details tbody td:nth-child(2)").allTextContents();
  expect(perDay).toHaveLength(30);
  const inWindow = perDay.reduce((sum, value) => sum + Number(value), 0);
  expect(inWindow).toBeGreaterThan(0);
  expect(inWindow).toBeLessThanOrEqual(e2eCallsCustomer.callCount);
  const recent = page.getByRole("region", { name: "Recent calls" }).getByRole("link");
  await expect(recent).toHaveCount(5);
  await recent.nth(1).click();
  await expect(page).toHaveURL(`/dashboard/calls/${e2eCallsCustomer.recordedCallId}`);
  await page.goto("/dashboard");
  await page.getByRole("region", { name: "Quick actions" }).getByRole("link", { name: /^Start a call/ }).click();
  await expect(page).toHaveURL("/dashboard/calls/requests");
  await context.close();
});
