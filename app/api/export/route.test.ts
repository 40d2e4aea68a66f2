import { beforeEach, describe, expect, it, vi } from "vitest";
import yauzl from "yauzl";
import type { SessionUser } from "@/db/queries/sessions";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { getSessionUser } from "@/lib/session";
import { GET } from "./route";

vi.mock("@/lib/session", () => ({ getSessionUser: vi.fn() }));

setupTestDatabase();

let user: SessionUser;
beforeEach(async () => {
  user = await signedInUser("customer", "route");
  vi.mocked(getSessionUser).mockResolvedValue(user);
});

const get = () => GET(new Request("http://test/api/export"));

async function entryNames(body: Buffer): Promise<string[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.fromBuffer(body, {}, (error, file) => (error ? reject(error) : resolve(file))));
  const names: string[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => names.push(entry.fileName));
    zip.on("end", resolve);
    zip.on("error", reject);
  });
  return names;
}

describe("GET /api/export", () => {
  it("answers a ZIP download that no cache keeps", async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="clientdesk-export-\d{4}-\d\d-\d\d\.zip"/);
    const names = await entryNames(Buffer.from(await response.arrayBuffer()));
    expect(names[0]).toBe("data.json");
    expect(names).toContain("csv/calls.csv");
    expect(names.at(-1)).toBe("manifest.json");
  });

  it("refuses without a session", async () => {
    vi.mocked(getSessionUser).mockResolvedValue(null);
    const response = await get();
    expect(response.status).toBe(401);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses a sixth export within the hour with Retry-After", async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await get();
      expect(response.status).toBe(200);
      await response.body?.cancel();
    }
    const response = await get();
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
  });
});

