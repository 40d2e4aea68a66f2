import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedFailedEmail } from "@/db/seed";
import { auditLog, emailOutbox } from "@/db/schema";
import { setupTestDatabase, signedInUser, uniqueEmail } from "@/db/testing";
import { AppError } from "@/lib/errors";
import { findJobData } from "@/lib/jobs";
import { listFailedJobs, retryFailedJob } from "@/lib/jobs/admin";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { sendMail } from "./index";
import { retryFailedEmail } from "./retry";
import { startTestMailbox } from "./test-mailbox";

const db = setupTestDatabase();
const mailbox = startTestMailbox();
const info = { ip: "2001:db8::44", userAgent: "vitest" };

async function outboxRow(id: string) {
  const [row] = await db().select().from(emailOutbox).where(eq(emailOutbox.id, id));
  return row!;
}

/** Sends a reset link while SMTP points nowhere, and lets every retry fail. */
async function failedResetMail(to: string, url: string): Promise<string> {
  const working = process.env.SMTP_URL;
  process.env.SMTP_URL = "smtp://127.0.0.1:1";
  try {
    const id = await sendMail({ to, locale: "en", template: "resetPassword", props: { name: "Robin", url } });
    await runQueuedJobs({ only: ["mail.deliver"] });
    return id;
  } finally {
    process.env.SMTP_URL = working;
  }
}

const retriesOf = (emailId: string) =>
  db().select({ actorId: auditLog.actorId, metadata: auditLog.metadata, userAgent: auditLog.userAgent }).from(auditLog).where(and(eq(auditLog.action, "admin.email_retried"), eq(auditLog.ip, info.ip))).then((rows) => rows.filter((row) => row.metadata.emailId === emailId));

describe("retrying a failed email", () => {
  it("queues a failed message again with its sealed link, delivers it, and audits the retry", async () => {
    const admin = await signedInUser("admin");
    const to = uniqueEmail("bounce");
    const url = "http://localhost:3000/reset-password?token=only-the-transport-sees-this";
    const id = await failedResetMail(to, url);
    const failed = await outboxRow(id);
    expect(failed).toMatchObject({ status: "failed", attempts: 9 });
    expect(failed.error).toBeTruthy();

    expect(await retryFailedEmail(admin, { emailId: id }, info)).toEqual({ status: "ok" });
    const queued = await outboxRow(id);
    expect(queued.status).toBe("queued");
    expect(queued.jobId).not.toBe(failed.jobId);
    // The superseded job is gone, so it cannot be retried into a second copy.
    expect(await findJobData("mail.deliver", failed.jobId!)).toBeNull();
    expect(await retriesOf(id)).toEqual([{ actorId: admin.id, metadata: { emailId: id, template: "resetPassword" }, userAgent: "vitest" }]);

    await runQueuedJobs({ only: ["mail.deliver"] });
    expect(mailbox.last(to)?.text).toContain(url);
    expect(await outboxRow(id)).toMatchObject({ status: "sent", attempts: 10, error: null });
  });

  it("is the only way to retry a failed delivery: the failed jobs list leaves it out and refuses it", async () => {
    const admin = await signedInUser("admin");
    const id = await failedResetMail(uniqueEmail("jobs"), "http://localhost:3000/reset-password?token=t");
    const { jobId } = await outboxRow(id);
    expect((await listFailedJobs(admin)).some((job) => job.id === jobId)).toBe(false);
    expect(await retryFailedJob(admin, { name: "mail.deliver", jobId: jobId! }, info)).toEqual({ status: "not_failed" });
    expect((await outboxRow(id)).status).toBe("failed");
  });

  it("resends a mail without a secret link from the outbox's copy once its job is gone", async () => {
    const admin = await signedInUser("admin");
    const to = uniqueEmail("seeded");
    const id = await seedFailedEmail(to);
    expect(await retryFailedEmail(admin, { emailId: id }, info)).toEqual({ status: "ok" });
    await runQueuedJobs({ only: ["mail.deliver"] });
    expect(mailbox.last(to)?.subject).toBe("New sign-in to your account");
    expect((await outboxRow(id)).status).toBe("sent");
  });

  it("refuses a mail whose secret link went with its deleted job, and changes nothing", async () => {
    const admin = await signedInUser("admin");
    const [row] = await db()
      .insert(emailOutbox)
      .values({ toAddress: uniqueEmail("gone"), template: "verifyEmail", subject: "s", textBody: "t", htmlBody: "h", status: "failed", attempts: 9, error: "x", jobId: crypto.randomUUID() })
      .returning({ id: emailOutbox.id });
    expect(await retryFailedEmail(admin, { emailId: row!.id }, info)).toEqual({ status: "expired" });
    expect((await outboxRow(row!.id)).status).toBe("failed");
    expect(await retriesOf(row!.id)).toEqual([]);
  });

  it("refuses to retry a message that has not failed, or does not exist", async () => {
    const admin = await signedInUser("admin");
    const id = await sendMail({ to: uniqueEmail("fine"), locale: "en", template: "accountExists", props: { name: "Robin", url: "http://localhost:3000/sign-in" } });
    await runQueuedJobs({ only: ["mail.deliver"] });
    expect(await retryFailedEmail(admin, { emailId: id }, info)).toEqual({ status: "not_failed" });
    expect((await outboxRow(id)).status).toBe("sent");
    expect(await retriesOf(id)).toEqual([]);
    expect(await retryFailedEmail(admin, { emailId: crypto.randomUUID() }, info)).toEqual({ status: "not_found" });
  });

  it("refuses a customer with a forbidden error and leaves the message failed", async () => {
    const customer = await signedInUser("customer");
    const id = await seedFailedEmail(uniqueEmail("forbidden"));
    const refusal = await retryFailedEmail(customer, { emailId: id }, info).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "forbidden" });
    expect((await outboxRow(id)).status).toBe("failed");
    expect(await retriesOf(id)).toEqual([]);
  });
});
