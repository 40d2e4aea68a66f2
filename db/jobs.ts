import { sql } from "drizzle-orm";
import { fromDrizzle, PgBoss, type ConnectionOptions, type Queue } from "pg-boss";
import { connection, getDb, type Connection, type Database } from "./index";

export type JobQueueRole = {
  /** Runs pg-boss's maintenance and cron schedules; only processes that work jobs need it. */
  maintenance: boolean;
  queues: Queue[];
};

// Kept on the connection (which lives on globalThis), not in this module: Next bundles the
// instrumentation and the routes apart, and each bundle would otherwise start a queue of its own.
const queueKey = Symbol.for("clientdesk.job-queue");
type WithQueue = Connection & { [queueKey]?: Promise<PgBoss> };

async function start(conn: Connection, role: JobQueueRole): Promise<PgBoss> {
  const boss = new PgBoss({
    ...conn.jobQueueOptions(),
    supervise: role.maintenance,
    schedule: role.maintenance,
    // Instance rows and queue statistics are for pg-boss's dashboard, which we do not run.
    registerInstance: false,
    persistQueueStats: false,
  });
  boss.on("error", (error) => console.error(`[jobs] ${error.message}`));
  await boss.start();
  for (const queue of role.queues) {
    const { name, ...options } = queue;
    if (await boss.getQueue(name)) await boss.updateQueue(name, options);
    else await boss.createQueue(name, options);
  }
  conn.beforeClose.push(() => boss.stop({ graceful: true, timeout: 10_000 }));
  return boss;
}

/**
 * The job queue (pg-boss, in the schema `pgboss` of the app's own database), started once per
 * process. The first caller's role wins: start-up asks first (instrumentation.ts). It must not
 * first be started inside a transaction: on PGlite its set-up would wait for that transaction.
 */
export function getJobQueue(role: JobQueueRole): Promise<PgBoss> {
  const conn = connection() as WithQueue;
  if (!conn[queueKey]) {
    const boss = start(conn, role);
    conn[queueKey] = boss;
    boss.catch(() => {
      conn[queueKey] = undefined;
    });
  }
  return conn[queueKey];
}

/** Makes pg-boss write through `db`, so a job sent inside a transaction exists only if it commits. */
export function jobConnection(db: Database = getDb()): ConnectionOptions {
  return { db: fromDrizzle(db as unknown as Parameters<typeof fromDrizzle>[0], sql) };
}
