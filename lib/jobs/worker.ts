import "server-only";
import { getJobQueue } from "@/db/jobs";
import { jobNames, runJob } from "./handlers";
import { paymentsMode } from "@/lib/billing/config";
import { CLEANUP_SCHEDULE, DEMO_RENEWALS_SCHEDULE, jobQueueList } from "./queues";

/** How often an idle worker looks for jobs: a queued mail leaves within about a second. */
const POLLING_INTERVAL_SECONDS = 1;

/**
 * Works every queue in this process and keeps the daily clean-up (and, in demo payment mode, the
 * subscription renewals) scheduled. Runs beside the web
 * server (instrumentation.ts) or alone (`npm run worker`); several workers share the queue safely.
 */
export async function startWorker(options: { concurrency: number }): Promise<void> {
  const boss = await getJobQueue({ maintenance: true, queues: jobQueueList });
  for (const name of jobNames) {
    // One job per fetch (pg-boss's default batch): a failure fails that job alone.
    await boss.work(name, { includeMetadata: true, pollingIntervalSeconds: POLLING_INTERVAL_SECONDS, localConcurrency: options.concurrency }, async ([job]) => {
      if (job) await runJob(name, job.data, job);
    });
  }
  await boss.schedule("maintenance.cleanup", CLEANUP_SCHEDULE, {}, { tz: "UTC" });
  if (paymentsMode() === "demo") await boss.schedule("billing.demo-renewals", DEMO_RENEWALS_SCHEDULE, {}, { tz: "UTC" });
  else await boss.unschedule("billing.demo-renewals");
}
