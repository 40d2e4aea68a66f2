import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import yauzl from "yauzl";
import { GET as exportRoute } from "@/app/api/v1/export/route";
import { auditLog } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { callApi, testApiToken } from "@/db/testing/api";
import { EXPORTS_PER_HOUR } from "@/lib/export/service";
import { exportEndpoints } from "./endpoints/export";

const db = setupTestDatabase();

const download = (token: string) => callApi(exportRoute, exportEndpoints.get, { token });

async function zipEntries(body: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.fromBuffer(body, { lazyEntries: true }, (error, file) => (error ? reject(error) : resolve(file))));
  const files = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          files.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.on("end", resolve);
    zip.on("error", reject);
    zip.readEntry();
  });
  return files;
}

describe("GET /api/v1/export", () => {
  it("streams the data settings page's ZIP, no-store, holding the token user's data and the manifest", async () => {
    const customer = await signedInUser("customer", "api-export");
    const { status, response } = await download(await testApiToken(customer, ["export:read"]));
    expect(status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="clientdesk-export-\d{4}-\d\d-\d\d\.zip"/);
    expect(response.headers.get("ratelimit-limit")).toBeTruthy();
    const files = await zipEntries(Buffer.from(await response.arrayBuffer()));
    const names = [...files.keys()];
    expect(names[0]).toBe("data.json");
    expect(names.at(-1)).toBe("manifest.json");
    const manifest = JSON.parse(files.get("manifest.json")!.toString("utf8")) as { files: { path: string }[] };
    expect(manifest.files.map((file) => file.path).sort()).toEqual(names.filter((name) => name !== "manifest.json").sort());
    expect(files.get("data.json")!.toString("utf8")).toContain(customer.email);
    const audited = await db().select().from(auditLog).where(and(eq(auditLog.actorId, customer.id), eq(auditLog.action, "user.data_exported")));
    expect(audited).toHaveLength(1);
  });

  it("shares the page's five-an-hour limit: the sixth is a 429 with Retry-After, in the API's error object", async () => {
    const customer = await signedInUser("customer", "api-export-limit");
    const token = await testApiToken(customer, ["export:read"]);
    for (let attempt = 0; attempt < EXPORTS_PER_HOUR; attempt++) {
      const { status, response } = await download(token);
      expect(status).toBe(200);
      await response.body?.cancel();
    }
    const { status, json, response } = await download(token);
    expect(status).toBe(429);
    expect(json.error.code).toBe("rate_limited");
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(response.headers.get("cache-control")).toContain("no-store");
  });

  it("needs the export scope", async () => {
    const customer = await signedInUser("customer", "api-export-scope");
    const { status, json } = await download(await testApiToken(customer, ["invoices:write", "calls:write"]));
    expect(status).toBe(403);
    expect(json.error.code).toBe("insufficient_scope");
    expect(await db().select().from(auditLog).where(and(eq(auditLog.actorId, customer.id), eq(auditLog.action, "user.data_exported")))).toEqual([]);
  });
});
