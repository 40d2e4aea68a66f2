import fs from "node:fs";
import { expect, test } from "@playwright/test";
import yauzl from "yauzl";
import { newClient, signedInAs } from "./helpers";
import { e2eCalendarCustomer, e2eUsers } from "./users";

/** Every entry of a ZIP file on disk, by name, in the archive's order. */
async function readZip(file: string): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(file, { lazyEntries: true }, (error, opened) => (error ? reject(error) : resolve(opened))));
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) =>
      zip.openReadStream(entry, async (error, body) => {
        if (error) return reject(error);
        const parts: Buffer[] = [];
        for await (const part of body) parts.push(part as Buffer);
        entries.set(entry.fileName, Buffer.concat(parts));
        zip.readEntry();
      }),
    );
    zip.on("end", resolve);
    zip.on("error", reject);
    zip.readEntry();
  });
  zip.close();
  return entries;
}

test("a customer downloads their data from the Your data tab and finds their own data, described by the manifest, and no one else's", async ({ browser }, testInfo) => {
  const context = await signedInAs(browser, "customer");
  const page = await context.newPage();
  await page.goto("/dashboard/settings/data");
  await expect(page.getByRole("heading", { name: "Export your data" })).toBeVisible();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my data" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^clientdesk-export-\d{4}-\d\d-\d\d\.zip$/);
  const file = testInfo.outputPath("export.zip");
  await download.saveAs(file);
  expect(fs.statSync(file).size).toBeGreaterThan(0);

  const entries = await readZip(file);
  const names = [...entries.keys()];
  expect(names[0]).toBe("data.json");
  expect(names.at(-1)).toBe("manifest.json");
  const data = JSON.parse(entries.get("data.json")!.toString("utf8")) as { profile: { email: string; name: string }[]; calls: unknown[] };
  expect(data.profile[0]).toMatchObject({ email: e2eUsers.customer.email, name: e2eUsers.customer.name });
  const manifest = JSON.parse(entries.get("manifest.json")!.toString("utf8")) as { files: { path: string; sha256: string; bytes: number }[] };
  expect(manifest.files.map((described) => described.path).sort()).toEqual(names.filter((name) => name !== "manifest.json").sort());
  expect(names).toEqual(expect.arrayContaining(["csv/profile.csv", "csv/calls.csv", "csv/invoices.csv", "csv/messages.csv"]));

  const everything = [...entries.values()].map((content) => content.toString("utf8")).join("\n");
  for (const stranger of [e2eUsers.admin.email, e2eCalendarCustomer.email, e2eCalendarCustomer.project]) expect(everything).not.toContain(stranger);
  await context.close();
});

test("the export answers 401 without a session", async ({ browser }) => {
  const context = await newClient(browser);
  const response = await context.request.get("/api/export", { maxRedirects: 0 });
  expect([401, 302, 303, 307]).toContain(response.status());
  if (response.status() === 401) expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
  expect(response.headers()["content-type"] ?? "").not.toContain("application/zip");
  await context.close();
});
