import { sql } from "drizzle-orm";
import { getDb } from "@/db";

/** 200 when the database answers, 503 otherwise; the reason goes to the log, not the caller. */
export async function GET(): Promise<Response> {
  const headers = { "cache-control": "no-store" };
  try {
    await Promise.race([
      getDb().execute(sql`select 1`),
      new Promise((_, reject) => setTimeout(() => reject(new Error("database health check timed out")), 3000)),
    ]);
    return Response.json({ status: "ok" }, { headers });
  } catch (error) {
    console.error(`[health] database unreachable: ${error instanceof Error ? error.message : String(error)}`);
    return Response.json({ status: "unavailable" }, { status: 503, headers });
  }
}
