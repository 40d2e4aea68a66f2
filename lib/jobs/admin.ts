import "server-only";
import { adminListFailedJobs, jobConnection, type FailedJob } from "@/db/jobs";
import { createAuditEntry } from "@/db/queries/audit";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import type { Actor } from "@/lib/actor";
import type { RequestInfo } from "@/lib/request-info";
import { assertStaff } from "@/lib/users/service";
import { jobQueue, type JobName } from "./index";
import { jobQueues } from "./queues";

/** Failed jobs are deleted a week or a month after they fail (see ./queues.ts), so the list stays short. */
const FAILED_JOBS_SHOWN = 200;

// A failed delivery is retried from the outbox, which keeps its row's status right; retrying the job
// here too could send the message twice.
const retriedElsewhere: JobName[] = ["mail.deliver"];

/** The jobs of our queues that used up their retries, newest failure first; their data is never read. */
export async function listFailedJobs(actor: Actor, db?: Transaction): Promise<FailedJob[]> {
  assertStaff(actor);
  const queues = (Object.keys(jobQueues) as JobName[]).filter((name) => !retriedElsewhere.includes(name));
  return adminListFailedJobs(queues, FAILED_JOBS_SHOWN, db);
}

/** Gives a failed job one more try, now; "not_failed" when it is not (or no longer) failed. */
export async function retryFailedJob(
  actor: Actor,
  input: { name: JobName; jobId: string },
  info: RequestInfo,
  db?: Transaction,
): Promise<{ status: "ok" | "not_failed" }> {
  assertStaff(actor);
  if (retriedElsewhere.includes(input.name)) return { status: "not_failed" };
  const boss = await jobQueue();
  return inTransaction(async (tx) => {
    const result: { affected?: number } = await boss.retry(input.name, input.jobId, jobConnection(tx));
    if (!result.affected) return { status: "not_failed" };
    await createAuditEntry(
      { action: "admin.job_retried", actorId: actor.id, ip: info.ip, userAgent: info.userAgent, metadata: { queue: input.name, jobId: input.jobId } },
      tx,
    );
    return { status: "ok" };
  }, db);
}
