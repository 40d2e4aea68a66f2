import "server-only";
import { getJobQueue } from "@/db/jobs";
import { jobHandlers } from "./handlers";
import { CLEANUP_SCHEDULE, jobQueueList, type JobName } from "./queues";

/** How often an idle worker looks for jobs; a queue with `notify` wakes it sooner. */
const POLLING_INTERVAL_SECONDS = 1;

/**
 * Works every queue in this process and keeps the daily clean-up scheduled. Runs beside the web
 * server (instrumentation.ts) or alone (`npm run worker`); several workers share the queue safely.
 */
export async function startWorker(options: { concurrency: number }): Promise<void> {
  const boss = await getJobQueue({ maintenance: true, queues: jobQueueList });
  for (const name of Object.keys(jobHandlers) as JobName[]) {
    const handler = jobHandlers[name] as (data: unknown, attempt: { retryCount: number; retryLimit: number }) => Promise<unknown>;
    await boss.work(
      name,
      { includeMetadata: true, pollingIntervalSeconds: POLLING_INTERVAL_SECONDS, localConcurrency: options.concurrency },
      async (jobs) => {
        for (const job of jobs) await handler(job.data, job);
      },
    );
  }
  await boss.schedule("maintenance.cleanup", CLEANUP_SCHEDULE, {}, { tz: "UTC" });
}
