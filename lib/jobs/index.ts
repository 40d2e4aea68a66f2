import "server-only";
import { randomUUID } from "node:crypto";
import { getJobQueue, jobConnection } from "@/db/jobs";
import type { Transaction } from "@/db/queries/transaction";
import { jobQueueList, type JobData, type JobName } from "./queues";

export type { JobData, JobName };

/** The queue as a web instance uses it: to send jobs (maintenance runs where the worker runs). */
export function jobQueue() {
  return getJobQueue({ maintenance: false, queues: jobQueueList });
}

/**
 * Adds a job in the caller's transaction: it runs only if that transaction commits.
 * Returns the job's id (chosen here, so the caller can record it in the same transaction).
 */
export async function enqueue<N extends JobName>(name: N, data: JobData[N], db?: Transaction, options: { id?: string; startAfter?: Date } = {}): Promise<string> {
  const id = options.id ?? randomUUID();
  const boss = await jobQueue();
  await boss.send(name, data, { id, ...(options.startAfter ? { startAfter: options.startAfter } : {}), ...jobConnection(db) });
  return id;
}

/** The data a job was sent with (sealed parts stay sealed), or null once the queue has deleted the job. */
export async function findJobData<N extends JobName>(name: N, id: string, db?: Transaction): Promise<JobData[N] | null> {
  const boss = await jobQueue();
  const [job] = await boss.findJobs<JobData[N]>(name, { id, ...jobConnection(db) });
  return job?.data ?? null;
}

export async function deleteJob(name: JobName, id: string, db?: Transaction): Promise<void> {
  const boss = await jobQueue();
  await boss.deleteJob(name, id, jobConnection(db));
}
