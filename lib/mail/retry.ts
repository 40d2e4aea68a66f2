import "server-only";
import { createAuditEntry } from "@/db/queries/audit";
import { lockOutboxEntry, requeueOutboxEntry } from "@/db/queries/mail";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import type { Actor } from "@/lib/actor";
import { deleteJob, enqueue, findJobData, type JobData } from "@/lib/jobs";
import { seal } from "@/lib/sealed";
import type { RequestInfo } from "@/lib/request-info";
import { assertStaff } from "@/lib/users/service";
import { mailTemplates } from "./templates";

export type RetryEmailResult = { status: "ok" | "not_found" | "not_failed" | "expired" };

type StoredMail = NonNullable<Awaited<ReturnType<typeof lockOutboxEntry>>>;

/**
 * What the new delivery job carries: the failed job's sealed mail while the queue still has it; after
 * that the outbox's copy, but only for a template without a secret link, whose copy is the mail itself.
 */
async function deliveryData(entry: StoredMail, tx: Transaction): Promise<JobData["mail.deliver"] | null> {
  const previous = entry.jobId ? await findJobData("mail.deliver", entry.jobId, tx) : null;
  if (previous?.outboxId === entry.id) return previous;
  const template = Object.hasOwn(mailTemplates, entry.template) ? mailTemplates[entry.template as keyof typeof mailTemplates] : null;
  if (!template || template.secretLink) return null;
  const mail = { to: entry.toAddress, template: entry.template, subject: entry.subject, html: entry.htmlBody, text: entry.textBody };
  return { outboxId: entry.id, ...seal(mail, "mail.deliver") };
}

/**
 * Sends a failed message again with a fresh delivery job (a full set of retries), in one transaction
 * with its audit row. A mail whose secret link only the deleted job held cannot be resent ("expired").
 */
export async function retryFailedEmail(actor: Actor, input: { emailId: string }, info: RequestInfo, db?: Transaction): Promise<RetryEmailResult> {
  assertStaff(actor);
  return inTransaction(async (tx) => {
    const entry = await lockOutboxEntry(input.emailId, tx);
    if (!entry) return { status: "not_found" };
    if (entry.status !== "failed") return { status: "not_failed" };
    const data = await deliveryData(entry, tx);
    if (!data) return { status: "expired" };
    const jobId = await enqueue("mail.deliver", data, tx);
    await requeueOutboxEntry(entry.id, jobId, tx);
    // The failed job is superseded: retrying it from the jobs list as well would send the mail twice.
    if (entry.jobId) await deleteJob("mail.deliver", entry.jobId, tx);
    await createAuditEntry(
      { action: "admin.email_retried", actorId: actor.id, ip: info.ip, userAgent: info.userAgent, metadata: { emailId: entry.id, template: entry.template } },
      tx,
    );
    return { status: "ok" };
  }, db);
}
