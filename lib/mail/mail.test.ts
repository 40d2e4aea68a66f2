import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { emailOutbox } from "@/db/schema";
import { inRolledBackTransaction, uniqueEmail, setupTestDatabase } from "@/db/testing";
import { jobQueue, type JobData } from "@/lib/jobs";
import { jobQueues } from "@/lib/jobs/queues";
import { seal, unseal } from "@/lib/sealed";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { deliverMail, sendMail } from "./index";
import { startTestMailbox } from "./test-mailbox";

const db = setupTestDatabase();
const mailbox = startTestMailbox();
let mailboxUrl: string | undefined;

// Some tests take SMTP away or point it elsewhere; each test starts with the mailbox again.
beforeAll(() => {
  mailboxUrl = process.env.SMTP_URL;
});
afterEach(() => {
  process.env.SMTP_URL = mailboxUrl;
});

async function outboxRow(id: string) {
  const [row] = await db().select().from(emailOutbox).where(eq(emailOutbox.id, id));
  return row!;
}

describe("mail layer", () => {
  it("delivers through a real SMTP server and records the message as sent", async () => {
    const to = uniqueEmail("smtp");
    const url = "http://localhost:3000/reset-password?token=abc123";
    const id = await sendMail({ to, locale: "en", template: "resetPassword", props: { name: "Robin", url } });
    expect((await outboxRow(id)).status).toBe("queued");
    expect(mailbox.last(to)).toBeUndefined();

    await runQueuedJobs();
    const mail = mailbox.last(to);
    expect(mail?.subject).toBe("Reset your Clientdesk password");
    expect(mail?.text).toContain(url);
    expect(mail?.html).toContain(`href="${url}"`);
    expect(mail?.from?.text).toContain("no-reply@clientdesk.test");
    const row = await outboxRow(id);
    expect(row).toMatchObject({ toAddress: to, template: "resetPassword", status: "sent", attempts: 1, subject: "Reset your Clientdesk password" });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("keeps the message in the outbox with its token redacted; only the transport gets the link", async () => {
    const to = uniqueEmail("redact");
    const url = "http://localhost:3000/reset-password?token=s3cr3t-t0ken_value";
    const id = await sendMail({ to, locale: "en", template: "resetPassword", props: { name: "Robin", url } });
    await runQueuedJobs();
    const mail = mailbox.last(to);
    expect(mail?.text).toContain(url);
    const row = await outboxRow(id);
    expect(row.textBody).not.toContain("s3cr3t-t0ken_value");
    expect(row.htmlBody).not.toContain("s3cr3t-t0ken_value");
    expect(row.textBody).toContain("http://localhost:3000/reset-password?token=redacted");
  });

  it("writes the message in the recipient's language", async () => {
    const to = uniqueEmail("german");
    await sendMail({ to, locale: "de", template: "verifyEmail", props: { name: "Jonas", url: "http://localhost:3000/verify-email?token=t" } });
    await runQueuedJobs();
    const mail = mailbox.last(to);
    expect(mail?.subject).toBe("Bestätigen Sie Ihre E-Mail-Adresse für Clientdesk");
    expect(mail?.text).toContain("Willkommen, Jonas");
  });

  it("writes an Urdu message right to left, its link left to right", async () => {
    const to = uniqueEmail("urdu");
    await sendMail({ to, locale: "ur", template: "verifyEmail", props: { name: "Umar", url: "http://localhost:3000/verify-email?token=t" } });
    await runQueuedJobs();
    const mail = mailbox.last(to);
    expect(mail?.subject).toBe("Clientdesk کے لیے اپنی ای میل کی تصدیق کریں");
    expect(mail?.html).toMatch(/<html[^>]*lang="ur"[^>]*dir="rtl"/);
    expect(mail?.html).toMatch(/<p[^>]*dir="ltr"[^>]*>http:\/\/localhost:3000\/verify-email\?token=t<\/p>/);
  });

  it("escapes names so a crafted one cannot inject markup", async () => {
    const to = uniqueEmail("escape");
    await sendMail({ to, locale: "en", template: "verifyEmail", props: { name: "<img src=x onerror=alert(1)>", url: "http://localhost:3000/x" } });
    await runQueuedJobs();
    const mail = mailbox.last(to);
    expect(mail?.html).not.toContain("<img src=x");
    expect(mail?.html).toContain("&lt;img");
  });

  it("without SMTP_URL prints the message with its link and keeps it in the outbox", async () => {
    delete process.env.SMTP_URL;
    const to = uniqueEmail("log");
    const lines: string[] = [];
    const original = console.log;
    console.log = (...args: unknown[]) => lines.push(args.join(" "));
    try {
      const id = await sendMail({ to, locale: "en", template: "verifyEmail", props: { name: "Sam", url: "http://localhost:3000/verify-email?token=xyz" } });
      await runQueuedJobs();
      const row = await outboxRow(id);
      expect(row.status).toBe("logged");
      expect(row.textBody).not.toContain("token=xyz");
    } finally {
      console.log = original;
    }
    expect(lines.join("\n")).toContain("http://localhost:3000/verify-email?token=xyz");
    expect(lines.join("\n")).toContain(to);
  });

  it("retries a delivery the SMTP server refuses, then marks it failed with the last error", async () => {
    const closed = new SMTPServer({ logger: false });
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(resolve));
    process.env.SMTP_URL = `smtp://127.0.0.1:${closedPort}`;
    const original = console.error;
    console.error = () => {};
    try {
      const id = await sendMail({ to: uniqueEmail("down"), locale: "en", template: "verifyEmail", props: { name: "Kim", url: "http://localhost:3000/x" } });
      const jobs = await runQueuedJobs();
      expect(jobs).toEqual([expect.objectContaining({ name: "mail.deliver", state: "failed" })]);
      const row = await outboxRow(id);
      expect(row.status).toBe("failed");
      expect(row.attempts).toBe(jobQueues["mail.deliver"].retryLimit! + 1);
      expect(row.error).toMatch(/ECONNREFUSED/);
    } finally {
      console.error = original;
    }
  });

  it("delivers on a later try once the server is back, and the row says sent", async () => {
    const to = uniqueEmail("flaky");
    const id = await sendMail({ to, locale: "en", template: "verifyEmail", props: { name: "Kim", url: "http://localhost:3000/x" } });
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    const original = console.error;
    console.error = () => {};
    try {
      const [job] = await (await jobQueue()).fetch("mail.deliver", { includeMetadata: true });
      await expect(deliverMail(job!.data as JobData["mail.deliver"], job!)).rejects.toThrow();
      await (await jobQueue()).fail("mail.deliver", job!.id);
    } finally {
      console.error = original;
    }
    expect(await outboxRow(id)).toMatchObject({ status: "queued", attempts: 1 });
    process.env.SMTP_URL = mailboxUrl;
    await runQueuedJobs();
    expect(await outboxRow(id)).toMatchObject({ status: "sent", attempts: 2, error: null });
    expect(mailbox.last(to)).toBeDefined();
  });

  it("does not send a message twice when its delivery job runs again", async () => {
    const to = uniqueEmail("twice");
    await sendMail({ to, locale: "en", template: "verifyEmail", props: { name: "Tess", url: "http://localhost:3000/x" } });
    const [job] = await (await jobQueue()).fetch("mail.deliver", { includeMetadata: true });
    await deliverMail(job!.data as JobData["mail.deliver"], job!);
    await deliverMail(job!.data as JobData["mail.deliver"], job!);
    expect(mailbox.to(to)).toHaveLength(1);
  });

  it("refuses a sealed payload moved to another queue", () => {
    const sealed = seal({ to: "someone@example.com" }, "mail.deliver");
    expect(unseal(sealed, "mail.deliver")).toEqual({ to: "someone@example.com" });
    expect(() => unseal(sealed, "auth.sign-up")).toThrow();
  });

  it("sends nothing for a mail queued in a transaction that rolled back", async () => {
    const to = uniqueEmail("rolled-back");
    await inRolledBackTransaction(async (tx) => {
      await sendMail({ to, locale: "en", template: "verifyEmail", props: { name: "Nobody", url: "http://localhost:3000/x" } }, tx);
    });
    expect(await runQueuedJobs()).toEqual([]);
    expect(mailbox.last(to)).toBeUndefined();
    expect(await db().select().from(emailOutbox).where(eq(emailOutbox.toAddress, to))).toEqual([]);
  });
});
