import { pingDatabase } from "@/db/queries/health";
import { AppError, describeError } from "@/lib/errors";

const TIMEOUT_MS = 3000;

/** 200 when the database answers, 503 otherwise; the reason goes to the log, not the caller. */
export async function GET(): Promise<Response> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      pingDatabase(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("database health check timed out")), TIMEOUT_MS);
      }),
    ]);
    return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    console.error(`[health] database unreachable: ${describeError(error)}`);
    const response = new AppError("unavailable", "The service is temporarily unavailable.").toResponse();
    response.headers.set("cache-control", "no-store");
    response.headers.set("retry-after", "5");
    return response;
  } finally {
    clearTimeout(timer);
  }
}
