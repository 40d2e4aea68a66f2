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

export type FailedJob = { id: string; name: string; createdOn: Date; failedOn: Date | null; retryCount: number; error: string | null };

/**
 * The newest jobs of `names` that used up their retries, for staff. Only the error's message is read
 * from the output, never the job's data: payloads may hold sealed secrets, and stacks name our files.
 */
export async function adminListFailedJobs(names: string[], limit: number, db: Database = getDb()): Promise<FailedJob[]> {
  const schema = sql.identifier(connection().jobQueueOptions().schema ?? "pgboss");
  const namesList = sql.join(names.map((name) => sql`${name}`), sql`, `);
  type Row = { id: string; name: string; created_on: string; completed_on: string | null; retry_count: number; error: string | null };
  const result: unknown = await db.execute(sql`
    select id, name, created_on, completed_on, retry_count,
      coalesce(output->>'message', output->'value'->>'message') as error
    from ${schema}.job
    where state = 'failed' and name in (${namesList})
    order by completed_on desc nulls last, id desc
    limit ${limit}`);
  // postgres.js returns an array, PGlite an object with `rows`.
  const list = (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
  return list.map((row) => ({
    id: row.id,
    name: row.name,
    createdOn: new Date(row.created_on),
    failedOn: row.completed_on ? new Date(row.completed_on) : null,
    retryCount: Number(row.retry_count),
    error: row.error,
  }));
}
