export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { prepareDatabase } = await import("@/db/prepare");
  const { appUrl } = await import("@/lib/env");
  await prepareDatabase(appUrl());
  // With several web instances, run the worker on its own (`npm run worker`) and set JOBS_WORKER=off here.
  if (process.env.JOBS_WORKER === "off") {
    const { jobQueue } = await import("@/lib/jobs");
    await jobQueue();
    return;
  }
  const { startWorker } = await import("@/lib/jobs/worker");
  const { isEmbeddedDb } = await import("@/db");
  // PGlite is one connection: jobs run one at a time beside the web requests.
  await startWorker({ concurrency: isEmbeddedDb() ? 1 : 4 });
}
