import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerAccountMembers, storedFiles } from "@/db/schema";
import { inTransaction } from "@/db/queries/transaction";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { ATTACHMENT_MAX_BYTES } from "@/lib/constants";
import { AppError } from "@/lib/errors";
import { getFileForDownload } from "@/lib/files/service";
import { setStorage } from "@/lib/storage";
import { localDiskStorage } from "@/lib/storage/local";
import { claimUploads, deleteAbandonedUploads, MAX_PENDING_UPLOADS, receiveUpload } from "./service";

const db = setupTestDatabase();
let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "clientdesk-uploads-"));
  setStorage(localDiskStorage(root));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const png = () => sharp({ create: { width: 8, height: 8, channels: 3, background: "#c05028" } }).png().toBuffer();
const upload = (actor: Awaited<ReturnType<typeof signedInUser>>, fileName: string, bytes: Uint8Array, purpose: "message_attachment" | "request_attachment" | "deliverable" = "message_attachment") =>
  receiveUpload(actor, { purpose, fileName, body: bytes, declaredBytes: bytes.byteLength });

async function uploadedId(actor: Awaited<ReturnType<typeof signedInUser>>, fileName = "brief.pdf", bytes: Uint8Array = pdf): Promise<string> {
  const result = await upload(actor, fileName, bytes);
  if (result.status !== "ok") throw new Error(result.status);
  return result.file.id;
}

describe("uploading an attachment", () => {
  it("accepts images, PDF and plain text by their content, and keeps the name for the download", async () => {
    const customer = await signedInUser("customer");
    const results = [await upload(customer, "photo.png", await png()), await upload(customer, "brief.pdf", pdf), await upload(customer, "notes.txt", Buffer.from("Grüße — plain text\n"))];
    expect(results.map((result) => (result.status === "ok" ? [result.file.name, result.file.type] : result.status))).toEqual([
      ["photo.png", "image/png"],
      ["brief.pdf", "application/pdf"],
      ["notes.txt", "text/plain"],
    ]);
  });

  it("refuses a file whose content does not match its extension, and types that are not allowed", async () => {
    const customer = await signedInUser("customer");
    const refused = [
      await upload(customer, "invoice.pdf", await png()),
      await upload(customer, "setup.exe", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)])),
      await upload(customer, "logo.svg", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')),
      await upload(customer, "data.txt", Buffer.from([0x00, 0x01, 0x02, 0xff])),
    ];
    expect(refused.map((result) => result.status)).toEqual(["unsupported_type", "unsupported_type", "unsupported_type", "unsupported_type"]);
    expect(await db().select().from(storedFiles).where(eq(storedFiles.ownerUserId, customer.id))).toEqual([]);
  });

  it("refuses names with a path or control characters, empty files and files over 10 MB", async () => {
    const customer = await signedInUser("customer");
    expect((await upload(customer, "../../etc/passwd.txt", Buffer.from("x"))).status).toBe("bad_name");
    expect((await upload(customer, "a\\b.txt", Buffer.from("x"))).status).toBe("bad_name");
    expect((await upload(customer, "line\nbreak.txt", Buffer.from("x"))).status).toBe("bad_name");
    expect((await upload(customer, "empty.txt", Buffer.alloc(0))).status).toBe("empty");
    const big = Buffer.concat([pdf, Buffer.alloc(ATTACHMENT_MAX_BYTES)]);
    expect((await upload(customer, "big.pdf", big)).status).toBe("too_large");
    // A client that lies about the length is stopped by the count of bytes actually received.
    expect((await receiveUpload(customer, { purpose: "message_attachment", fileName: "big.pdf", body: big, declaredBytes: 10 })).status).toBe("too_large");
    expect(await db().select().from(storedFiles).where(eq(storedFiles.ownerUserId, customer.id))).toEqual([]);
  });

  it("keeps at most 50 uploads waiting per user, also when they arrive at once", async () => {
    const customer = await signedInUser("customer");
    const results = await Promise.all(Array.from({ length: MAX_PENDING_UPLOADS + 3 }, (_, index) => upload(customer, `note-${index}.txt`, Buffer.from(`note ${index}\n`))));
    expect(results.filter((result) => result.status === "ok")).toHaveLength(MAX_PENDING_UPLOADS);
    expect(results.filter((result) => result.status === "too_many_pending")).toHaveLength(3);
    expect(await db().select({ id: storedFiles.id }).from(storedFiles).where(eq(storedFiles.ownerUserId, customer.id))).toHaveLength(MAX_PENDING_UPLOADS);
  });

  it("lets only staff upload deliverables and only customers upload request attachments", async () => {
    const customer = await signedInUser("customer");
    const admin = await signedInUser("admin");
    await expect(upload(customer, "brief.pdf", pdf, "deliverable")).rejects.toBeInstanceOf(AppError);
    await expect(upload(admin, "brief.pdf", pdf, "request_attachment")).rejects.toBeInstanceOf(AppError);
    expect((await upload(admin, "brief.pdf", pdf, "deliverable")).status).toBe("ok");
  });
});

describe("claiming uploads", () => {
  it("attaches the sender's own pending uploads to the account, for its members and staff to download", async () => {
    const customer = await signedInUser("customer");
    const colleague = await signedInUser("customer");
    const stranger = await signedInUser("customer");
    const admin = await signedInUser("admin");
    await db().update(customerAccountMembers).set({ accountId: customer.accountId!, role: "member" }).where(eq(customerAccountMembers.userId, colleague.id));
    const colleagueInAccount = { ...colleague, accountId: customer.accountId };
    const id = await uploadedId(customer);

    // Pending, it is the uploader's alone.
    await expect(getFileForDownload(colleagueInAccount, id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getFileForDownload(admin, id)).rejects.toMatchObject({ code: "not_found" });

    const claimed = await inTransaction((tx) => claimUploads(customer, [id], { purpose: "message_attachment", accountId: customer.accountId! }, tx));
    expect(claimed.map((file) => file.fileName)).toEqual(["brief.pdf"]);
    expect((await getFileForDownload(colleagueInAccount, id)).inline).toBe(false);
    expect((await getFileForDownload(admin, id)).file.id).toBe(id);
    await expect(getFileForDownload(stranger, id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("saves nothing when one id is someone else's upload, already claimed, or one too many", async () => {
    const customer = await signedInUser("customer");
    const other = await signedInUser("customer");
    const mine = await uploadedId(customer);
    const theirs = await uploadedId(other);
    const target = { purpose: "message_attachment" as const, accountId: customer.accountId! };
    await expect(inTransaction((tx) => claimUploads(customer, [mine, theirs], target, tx))).rejects.toMatchObject({ code: "invalid_attachments" });
    const rows = await db().select({ id: storedFiles.id, purpose: storedFiles.purpose }).from(storedFiles).where(inArray(storedFiles.id, [mine, theirs]));
    expect(rows.map((row) => row.purpose)).toEqual(["upload", "upload"]);

    await inTransaction((tx) => claimUploads(customer, [mine], target, tx));
    await expect(inTransaction((tx) => claimUploads(customer, [mine], target, tx))).rejects.toMatchObject({ code: "invalid_attachments" });

    const eleven = await Promise.all(Array.from({ length: 11 }, () => uploadedId(customer)));
    await expect(inTransaction((tx) => claimUploads(customer, eleven, target, tx))).rejects.toMatchObject({ code: "invalid_attachments" });
  });

  it("removes uploads abandoned for a day, rows and bytes, and leaves claimed files alone", async () => {
    const customer = await signedInUser("customer");
    const abandoned = await uploadedId(customer);
    const kept = await uploadedId(customer);
    await inTransaction((tx) => claimUploads(customer, [kept], { purpose: "message_attachment", accountId: customer.accountId! }, tx));
    await db()
      .update(storedFiles)
      .set({ createdAt: new Date(Date.now() - 2 * 24 * 60 * 60 * 1000) })
      .where(inArray(storedFiles.id, [abandoned, kept]));
    expect(await deleteAbandonedUploads()).toBeGreaterThanOrEqual(1);
    const left = await db().select({ id: storedFiles.id }).from(storedFiles).where(inArray(storedFiles.id, [abandoned, kept]));
    expect(left.map((row) => row.id)).toEqual([kept]);
  });
});
