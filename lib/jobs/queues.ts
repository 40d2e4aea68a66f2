import type { Queue } from "pg-boss";
import type { Sealed } from "@/lib/sealed";

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Each job's data. Sealed payloads hold what must not be readable in the job table. */
export type JobData = {
  /** Delivers one outbox message: `sealed` holds its unredacted subject and bodies. */
  "mail.deliver": Sealed & { outboxId: string };
  /** Finishes a sign-up (creates the user, or tells an existing one): `sealed` holds the details and password hash. */
  "auth.sign-up": Sealed;
  /** Mails a reset link if the address belongs to an active account: `sealed` holds the address and the client's IP. */
  "auth.password-reset": Sealed;
  "maintenance.cleanup": Record<string, never>;
  /** Demo payment mode only: renews or ends subscriptions whose period is over, as Stripe would. */
  "billing.demo-renewals": Record<string, never>;
  /** Deletes the stored bytes of a deleted account's files (their rows are already gone). */
  "account.delete-files": { storageKeys: string[] };
  /** Ends a closed account's subscription at the payment provider; the customer id is kept here because the account no longer holds it. */
  "account.cancel-subscription": { accountId: string; stripeSubscriptionId: string; customerId: string };
  /** Hands one text message to the SMS gateway: `sealed` holds the number and the text. */
  "sms.send": Sealed;
  /** One try of a webhook delivery; `attempt` is how many tries came before (a stale or repeated job is skipped). */
  "webhook.deliver": { deliveryId: string; attempt: number };
};

export type JobName = keyof JobData;

/**
 * Retries with exponential backoff; after the last one a job stays in the `failed` state
 * (with its error) for staff to see and retry, instead of disappearing.
 */
export const jobQueues: Record<JobName, Omit<Queue, "name">> = {
  // About 30 s, 1 min, 2 min, 4 min… up to an hour between tries: a mail server's outage is ridden out.
  "mail.deliver": { retryLimit: 8, retryDelay: 30, retryBackoff: true, retryDelayMax: HOUR, expireInSeconds: 2 * MINUTE, deleteAfterSeconds: 7 * DAY },
  "auth.sign-up": { retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 2 * MINUTE, deleteAfterSeconds: 7 * DAY },
  "auth.password-reset": { retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 2 * MINUTE, deleteAfterSeconds: 7 * DAY },
  "maintenance.cleanup": { retryLimit: 3, retryDelay: 5 * MINUTE, expireInSeconds: 15 * MINUTE, deleteAfterSeconds: 30 * DAY },
  "billing.demo-renewals": { retryLimit: 2, retryDelay: MINUTE, expireInSeconds: 10 * MINUTE, deleteAfterSeconds: DAY },
  // A deletion must finish: about a day and a half of tries (then staff see it among failed jobs and retry).
  "account.delete-files": { retryLimit: 20, retryDelay: MINUTE, retryBackoff: true, retryDelayMax: 2 * HOUR, expireInSeconds: 10 * MINUTE, deleteAfterSeconds: 30 * DAY },
  "sms.send": { retryLimit: 5, retryDelay: 30, retryBackoff: true, retryDelayMax: HOUR, expireInSeconds: 2 * MINUTE, deleteAfterSeconds: 7 * DAY },
  // Its own schedule sends the next try (lib/webhooks/schedule.ts); these retries only cover a crash while recording one.
  "webhook.deliver": { retryLimit: 2, retryDelay: MINUTE, expireInSeconds: MINUTE, deleteAfterSeconds: DAY },
  "account.cancel-subscription": { retryLimit: 20, retryDelay: MINUTE, retryBackoff: true, retryDelayMax: 2 * HOUR, expireInSeconds: 2 * MINUTE, deleteAfterSeconds: 30 * DAY },
};

export const jobQueueList = Object.entries(jobQueues).map(([name, options]) => ({ name, ...options }));

/** Daily, at a quiet hour (UTC). */
export const CLEANUP_SCHEDULE = "17 3 * * *";

/** Every quarter of an hour: a demo subscription renews soon after its period ends. */
export const DEMO_RENEWALS_SCHEDULE = "*/15 * * * *";
