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
export async function enqueue<N extends JobName>(name: N, data: JobData[N], db?: Transaction, options: { id?: string } = {}): Promise<string> {
  const id = options.id ?? randomUUID();
  const boss = await jobQueue();
  await boss.send(name, data, { id, ...jobConnection(db) });
  return id;
}
