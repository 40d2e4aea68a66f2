import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentDisposition, fileResponse, parseRange } from "./download";
import { isStorageKey, setStorage, storeFile, StorageRejection } from "./index";
import { localDiskStorage } from "./local";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "clientdesk-storage-"));
  setStorage(localDiskStorage(root));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function png(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 30, channels: 3, background: "#3366cc" } }).png().toBuffer();
}

async function stored() {
  const bytes = await png();
  const file = await storeFile(bytes, { allowedTypes: ["image/png"], maxBytes: 1_000_000 });
  return { bytes, file: { ...file, fileName: "Grüße \"quoted\".png" } };
}

describe("local storage", () => {
  it("stores a file under a generated name and reads the same bytes back", async () => {
    const { bytes, file } = await stored();
    expect(isStorageKey(file.storageKey)).toBe(true);
    expect(file.storageKey).toMatch(/\.png$/);
    expect(file).toMatchObject({ contentType: "image/png", sizeBytes: bytes.byteLength });
    const response = await fileResponse(new Request("http://test/f"), file);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    expect(response.headers.get("content-length")).toBe(String(bytes.byteLength));
  });

  it("decides the type by content: HTML named .png is refused, and nothing is written", async () => {
    const before = await readdir(root);
    const html = new TextEncoder().encode("<!doctype html><html><script>alert(1)</script></html>");
    await expect(storeFile(html, { allowedTypes: ["image/png"], maxBytes: 1_000_000 })).rejects.toMatchObject({ reason: "unsupported_type" });
    expect(await readdir(root)).toEqual(before);
  });

  it("aborts a stream past its size limit and leaves no file behind", async () => {
    const before = await readdir(root);
    const big = Buffer.concat([await png(), Buffer.alloc(200_000)]);
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < big.length; offset += 16_384) controller.enqueue(big.subarray(offset, offset + 16_384));
        controller.close();
      },
    });
    await expect(storeFile(chunks, { allowedTypes: ["image/png"], maxBytes: 100_000 })).rejects.toBeInstanceOf(StorageRejection);
    expect(await readdir(root)).toEqual(before);
  });

  it("refuses keys that are not ours, so no name can reach outside the uploads folder", async () => {
    const adapter = localDiskStorage(root);
    for (const key of ["../etc/passwd", "..%2Fsecret", "a/b.png", "/etc/passwd", "x.png", "00000000-0000-0000-0000-000000000000.png/..", ""]) {
      expect(isStorageKey(key), key).toBe(false);
      await expect(adapter.get(key)).rejects.toThrow();
      await expect(adapter.delete(key)).rejects.toThrow();
    }
    expect(await adapter.get("00000000-0000-4000-8000-000000000000.png")).toBeNull();
  });
});

describe("downloads", () => {
  const ranged = async (range: string) => {
    const { bytes, file } = await stored();
    const response = await fileResponse(new Request("http://test/f", { headers: { range } }), file);
    return { bytes, response, size: file.sizeBytes };
  };

  it("answers bytes=0-99 with the first 100 bytes", async () => {
    const { bytes, response, size } = await ranged("bytes=0-99");
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe(`bytes 0-99/${size}`);
    expect(response.headers.get("content-length")).toBe("100");
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes.subarray(0, 100))).toBe(true);
  });

  it("answers an open-ended range up to the end", async () => {
    const { bytes, response, size } = await ranged("bytes=100-");
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe(`bytes 100-${size - 1}/${size}`);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes.subarray(100))).toBe(true);
  });

  it("answers a suffix range with the last bytes", async () => {
    const { bytes, response, size } = await ranged("bytes=-10");
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe(`bytes ${size - 10}-${size - 1}/${size}`);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes.subarray(size - 10))).toBe(true);
  });

  it("answers 416 with the size for ranges it cannot satisfy or parse", async () => {
    for (const range of ["bytes=999999-", "bytes=50-10", "bytes=-0", "bytes=abc", "bytes=-"]) {
      const { response, size } = await ranged(range);
      expect(response.status, range).toBe(416);
      expect(response.headers.get("content-range"), range).toBe(`bytes */${size}`);
    }
  });

  it("parses ranges at the edges of the file", () => {
    expect(parseRange("bytes=0-0", 10)).toEqual({ start: 0, end: 0 });
    expect(parseRange("bytes=5-500", 10)).toEqual({ start: 5, end: 9 });
    expect(parseRange("bytes=-500", 10)).toEqual({ start: 0, end: 9 });
    expect(parseRange("bytes=0-1,3-4", 10)).toBeNull();
    // A unit we do not know is ignored: the whole file.
    expect(parseRange("items=0-1", 10)).toBeNull();
    expect(parseRange(null, 10)).toBeNull();
  });

  it("sends files as attachments with inert headers; inline only for types safe to show", async () => {
    const { file } = await stored();
    const attachment = await fileResponse(new Request("http://test/f"), { ...file, contentType: "text/html" }, { inline: true });
    expect(attachment.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(attachment.headers.get("x-content-type-options")).toBe("nosniff");
    expect(attachment.headers.get("content-security-policy")).toContain("sandbox");
    expect(attachment.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(attachment.headers.get("accept-ranges")).toBe("bytes");
    expect(attachment.headers.get("cache-control")).toMatch(/^private/);
    await attachment.body?.cancel();
    const image = await fileResponse(new Request("http://test/f"), file, { inline: true });
    expect(image.headers.get("content-disposition")).toMatch(/^inline;/);
    await image.body?.cancel();
  });

  it("answers 304 to a matching If-None-Match", async () => {
    const { file } = await stored();
    const first = await fileResponse(new Request("http://test/f"), file);
    await first.body?.cancel();
    const again = await fileResponse(new Request("http://test/f", { headers: { "if-none-match": first.headers.get("etag")! } }), file);
    expect(again.status).toBe(304);
  });

  it("names the file the RFC 6266 way: an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDisposition("attachment", 'Grüße "quoted".png')).toBe(`attachment; filename="Gru_e _quoted_.png"; filename*=UTF-8''Gr%C3%BC%C3%9Fe%20%22quoted%22.png`);
  });
});
