// `npm run worker`: the job worker on its own, for PostgreSQL deployments with several web instances
// (set JOBS_WORKER=off on those). PGlite allows one process, so there the web server runs the worker.
import { closeDb, isEmbeddedDb, migrateDb } from "@/db";
import { startWorker } from "@/lib/jobs/worker";

if (isEmbeddedDb()) {
  console.error("The worker runs alone only on PostgreSQL: set DATABASE_URL. With the embedded database, `npm start` runs it.");
  process.exit(1);
}
await migrateDb();
const concurrency = Number(process.env.JOBS_CONCURRENCY ?? 4);
if (!Number.isInteger(concurrency) || concurrency < 1) {
  console.error(`JOBS_CONCURRENCY must be a whole number of at least 1, not "${process.env.JOBS_CONCURRENCY}".`);
  process.exit(1);
}
await startWorker({ concurrency });
console.log("Clientdesk worker is running. Stop it with Ctrl+C; running jobs finish first.");

async function stop() {
  await closeDb();
  process.exit(0);
}
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
