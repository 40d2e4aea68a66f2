import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { createPglite, migrationsFolder, openPglite, openPostgres, setConnection, closeDb } from "@/db";
import { getJobQueue } from "@/db/jobs";
import { jobQueueList } from "@/lib/jobs/queues";
import { assertTestDatabaseUrl } from "@/scripts/test-database.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteSnapshot: string;
  }
}

/**
 * Migrates once per run: PostgreSQL in place (DATABASE_URL), or a PGlite instance whose data
 * folder is saved so each test file starts from a migrated copy in about half a second.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    assertTestDatabaseUrl(url);
    const conn = openPostgres(url);
    await conn.migrate(migrationsFolder());
    await conn.close();
    project.provide("pgliteSnapshot", "");
    return;
  }
  const conn = openPglite(createPglite());
  await conn.migrate(migrationsFolder());
  // The job queue's schema too (it takes seconds to create), so each file's copy starts with it.
  setConnection(conn);
  const boss = await getJobQueue({ maintenance: false, queues: jobQueueList });
  await boss.stop({ graceful: false });
  const client = (conn.db as unknown as { $client: PGlite }).$client;
  const snapshot = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "clientdesk-test-")), "migrated.tar.gz");
  fs.writeFileSync(snapshot, Buffer.from(await (await client.dumpDataDir("gzip")).arrayBuffer()));
  await closeDb();
  project.provide("pgliteSnapshot", snapshot);
  return () => fs.rmSync(path.dirname(snapshot), { recursive: true, force: true });
}
