import "server-only";
import { deleteExpiredRecords } from "@/db/queries/cleanup";
import { cancelClosedAccountSubscription, deleteAccountFiles } from "@/lib/account/jobs";
import { completeSignUp, sendPasswordResetLink } from "@/lib/auth/service";
import { renewDemoSubscriptions } from "@/lib/billing/demo-renewals";
import { deliverMail } from "@/lib/mail";
import { deliverSms } from "@/lib/sms";
import { deleteAbandonedUploads } from "@/lib/uploads/service";
import { deliverWebhook } from "@/lib/webhooks/deliver";
import type { JobData, JobName } from "./queues";

export type JobAttempt = { retryCount: number; retryLimit: number };

/** What each queue's jobs do. A handler that throws is retried (see ./queues.ts). */
const jobHandlers: { [N in JobName]: (data: JobData[N], attempt: JobAttempt) => Promise<unknown> } = {
  "mail.deliver": (data, attempt) => deliverMail(data, attempt),
  "auth.sign-up": (data) => completeSignUp(data),
  "auth.password-reset": (data) => sendPasswordResetLink(data),
  "maintenance.cleanup": async () => {
    const deleted = { ...(await deleteExpiredRecords()), abandonedUploads: await deleteAbandonedUploads() };
    console.log(`[jobs] clean-up deleted ${JSON.stringify(deleted)}`);
    return deleted;
  },
  "billing.demo-renewals": () => renewDemoSubscriptions(),
  "account.delete-files": (data) => deleteAccountFiles(data),
  "account.cancel-subscription": (data) => cancelClosedAccountSubscription(data),
  "sms.send": (data) => deliverSms(data),
  "webhook.deliver": (data) => deliverWebhook(data),
};

export const jobNames = Object.keys(jobHandlers) as JobName[];

/** Runs one job of queue `name`; its data is what `enqueue` stored for that queue. */
export function runJob(name: JobName, data: unknown, attempt: JobAttempt): Promise<unknown> {
  return (jobHandlers[name] as (data: unknown, attempt: JobAttempt) => Promise<unknown>)(data, attempt);
}
