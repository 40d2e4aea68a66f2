import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { crc32, deflateSync } from "node:zlib";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, storedFiles } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { AppError } from "@/lib/errors";
import { getFileForDownload } from "@/lib/files/service";
import { setStorage } from "@/lib/storage";
import { localDiskStorage } from "@/lib/storage/local";
import { AVATAR_SIZE, changeAvatar, prepareAvatar, removeAvatar } from "./avatar";

/**
 * A valid black-and-white PNG of side × side pixels, written by hand: 400 megapixels of zeros
 * deflate to a few dozen kilobytes, so it is cheap to make and expensive only to decode.
 */
function pixelBombPng(side: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([1, 0, 0, 0, 0], 8); // 1 bit per pixel, greyscale
  const rows = Buffer.alloc(side * (1 + Math.ceil(side / 8))); // each row: filter byte 0, then the pixels
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(rows, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

const db = setupTestDatabase();
const info = { ip: "2001:db8::7", userAgent: "vitest" };
let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "clientdesk-avatars-"));
  setStorage(localDiskStorage(root));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const photo = (format: "jpeg" | "png" | "webp", width = 640, height = 480) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })[format]().toBuffer();

describe("preparing an avatar", () => {
  it("crops JPEG, PNG and WebP to a 300×300 WebP", async () => {
    for (const format of ["jpeg", "png", "webp"] as const) {
      const result = await prepareAvatar(await photo(format));
      if (!result.ok) throw new Error(`${format}: ${result.reason}`);
      const meta = await sharp(result.webp).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(["webp", AVATAR_SIZE, AVATAR_SIZE]);
    }
  });

  it("refuses an HTML file named .png: the type comes from the bytes", async () => {
    const html = new TextEncoder().encode("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");
    expect(await prepareAvatar(html)).toEqual({ ok: false, reason: "unsupported_type" });
  });

  it("refuses an SVG with a script", async () => {
    const svg = new TextEncoder().encode('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    expect(await prepareAvatar(svg)).toEqual({ ok: false, reason: "unsupported_type" });
  });

  it("refuses a file over 5 MB before looking at it", async () => {
    const big = Buffer.concat([await photo("png"), Buffer.alloc(6 * 1024 * 1024)]);
    expect(await prepareAvatar(big)).toEqual({ ok: false, reason: "too_large" });
  });

  it("refuses a small PNG that claims 20000×20000 pixels without decoding it", async () => {
    const bomb = pixelBombPng(20_000);
    expect(bomb.byteLength).toBeLessThan(5 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    expect(await prepareAvatar(bomb)).toEqual({ ok: false, reason: "too_many_pixels" });
    expect(process.memoryUsage().rss - before, "no memory spike from decoding").toBeLessThan(200 * 1024 * 1024);
  });

  it("keeps no EXIF or GPS data from the upload", async () => {
    const tagged = await sharp(await photo("jpeg"))
      .withExif({ IFD0: { Make: "CanonSecret", Copyright: "Ada" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 31/1 0/1" } })
      .jpeg()
      .toBuffer();
    expect((await sharp(tagged).metadata()).exif, "the fixture carries EXIF").toBeDefined();
    const result = await prepareAvatar(tagged);
    if (!result.ok) throw new Error(result.reason);
    const meta = await sharp(result.webp).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(result.webp.includes(Buffer.from("CanonSecret"))).toBe(false);
  });
});

describe("the avatar of an account", () => {
  it("replaces the previous file, and removing it deletes row and bytes", async () => {
    const user = await signedInUser("customer", "owner");
    const first = await changeAvatar(user, await photo("png"), info);
    const second = await changeAvatar(user, await photo("jpeg"), info);
    if (first.status !== "ok" || second.status !== "ok") throw new Error("upload refused");
    const rows = await db().select({ id: storedFiles.id }).from(storedFiles).where(eq(storedFiles.ownerUserId, user.id));
    expect(rows).toEqual([{ id: second.fileId }]);
    expect(await readdir(root)).toHaveLength(1);
    expect(await removeAvatar(user, info)).toEqual({ status: "ok" });
    expect(await db().select().from(storedFiles).where(eq(storedFiles.ownerUserId, user.id))).toEqual([]);
    expect(await readdir(root)).toHaveLength(0);
    const actions = (await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetUserId, user.id))).map((row) => row.action);
    expect(actions.sort()).toEqual(["user.avatar_changed", "user.avatar_changed", "user.avatar_removed"]);
  });

  it("is downloadable by its owner and staff, and another customer's request finds nothing", async () => {
    const owner = await signedInUser("customer", "shown");
    const stranger = await signedInUser("customer", "stranger");
    const admin = await signedInUser("admin", "staff");
    const upload = await changeAvatar(owner, await photo("png"), info);
    if (upload.status !== "ok") throw new Error("upload refused");
    expect((await getFileForDownload(owner, upload.fileId)).inline).toBe(true);
    expect((await getFileForDownload(admin, upload.fileId)).file.id).toBe(upload.fileId);
    const attempt = getFileForDownload(stranger, upload.fileId);
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "not_found" });
  });
});
