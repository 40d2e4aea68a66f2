import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { AppError } from "@/lib/errors";
import { listFailedJobs, retryFailedJob } from "./admin";
import { enqueue, jobQueue } from "./index";
import { seal } from "@/lib/sealed";
import { runQueuedJobs } from "./testing";

const db = setupTestDatabase();
const info = { ip: "2001:db8::45", userAgent: "vitest" };

/** A sign-up job sealed for another queue: it fails to unseal on every try, until it stays failed. */
async function failedJob(): Promise<string> {
  const id = await enqueue("auth.sign-up", seal({ secret: "never shown" }, "another queue"));
  const outcome = await runQueuedJobs({ only: ["auth.sign-up"] });
  expect(outcome.at(-1)).toMatchObject({ name: "auth.sign-up", state: "failed" });
  return id;
}

const retriesOf = (jobId: string) =>
  db().select({ actorId: auditLog.actorId, metadata: auditLog.metadata }).from(auditLog).where(and(eq(auditLog.action, "admin.job_retried"), eq(auditLog.ip, info.ip))).then((rows) => rows.filter((row) => row.metadata.jobId === jobId));

describe("failed jobs for staff", () => {
  it("lists a failed job with its error message and retry count, never its data", async () => {
    const admin = await signedInUser("admin");
    const id = await failedJob();
    const listed = (await listFailedJobs(admin)).find((job) => job.id === id);
    expect(listed).toMatchObject({ id, name: "auth.sign-up", retryCount: 3 });
    expect(listed!.error).toMatch(/unsupported state|authenticate/i);
    expect(listed!.failedOn).toBeInstanceOf(Date);
    expect(Object.keys(listed!).sort()).toEqual(["createdOn", "error", "failedOn", "id", "name", "retryCount"]);
  });

  it("retries a failed job once more and audits it; a job that is not failed is refused", async () => {
    const admin = await signedInUser("admin");
    const id = await failedJob();
    expect(await retryFailedJob(admin, { name: "auth.sign-up", jobId: id }, info)).toEqual({ status: "ok" });
    const job = await (await jobQueue()).findJobs("auth.sign-up", { id });
    expect(job[0]?.state).toBe("retry");
    expect((await listFailedJobs(admin)).some((failed) => failed.id === id)).toBe(false);
    expect(await retriesOf(id)).toEqual([{ actorId: admin.id, metadata: { queue: "auth.sign-up", jobId: id } }]);

    expect(await retryFailedJob(admin, { name: "auth.sign-up", jobId: id }, info)).toEqual({ status: "not_failed" });
    expect(await retryFailedJob(admin, { name: "auth.sign-up", jobId: crypto.randomUUID() }, info)).toEqual({ status: "not_failed" });
    expect(await retriesOf(id)).toHaveLength(1);
    // It runs again (and fails again: its payload is still wrong).
    expect((await runQueuedJobs({ only: ["auth.sign-up"] })).at(-1)).toMatchObject({ state: "failed" });
  });

  it("refuses a customer", async () => {
    const customer = await signedInUser("customer");
    const id = await failedJob();
    await expect(listFailedJobs(customer)).rejects.toBeInstanceOf(AppError);
    const refusal = await retryFailedJob(customer, { name: "auth.sign-up", jobId: id }, info).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: "forbidden" });
    expect(await retriesOf(id)).toEqual([]);
  });
});
