import { getJobQueue } from "@/db/jobs";
import { jobNames, runJob } from "./handlers";
import { jobQueueList, type JobName } from "./queues";

/**
 * Runs every queued job now, in this process, as the worker would (retries included, without
 * waiting for their delay), until no job is left. Returns each job's name and final state.
 */
export async function runQueuedJobs(options: { only?: JobName[] } = {}): Promise<Array<{ name: JobName; state: "completed" | "failed"; error?: string }>> {
  const boss = await getJobQueue({ maintenance: false, queues: jobQueueList });
  const names = options.only ?? jobNames;
  const finished: Array<{ name: JobName; state: "completed" | "failed"; error?: string }> = [];
  for (let round = 0; round < 100; round++) {
    let ran = 0;
    for (const name of names) {
      const jobs = await boss.fetch(name, { batchSize: 20, includeMetadata: true, ignoreStartAfter: true });
      for (const job of jobs) {
        ran++;
        try {
          await runJob(name, job.data, job);
          await boss.complete(name, job.id);
          finished.push({ name, state: "completed" });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          await boss.fail(name, job.id, { message });
          if (job.retryCount >= job.retryLimit) finished.push({ name, state: "failed", error: message });
        }
      }
    }
    if (ran === 0) return finished;
  }
  throw new Error("Jobs kept coming after 100 rounds: a job that enqueues itself?");
}
