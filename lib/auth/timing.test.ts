import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { createUser } from "@/db/queries/users";
import { emailOutbox } from "@/db/schema";
import { recordingDatabase, setupTestDatabase, uniqueEmail, uniqueIp } from "@/db/testing";
import { jobQueues, type JobName } from "@/lib/jobs/queues";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { startTestMailbox } from "@/lib/mail/test-mailbox";
import { registerUser, requestPasswordReset } from "./service";

const db = setupTestDatabase();
const mailbox = startTestMailbox();
const password = "correct horse battery";

afterEach(async () => {
  await runQueuedJobs();
});

async function existingUser(label: string) {
  const email = uniqueEmail(label);
  await createUser({ email, name: "Known User", passwordHash: "x", locale: "en", emailVerifiedAt: new Date() });
  return email;
}

function info() {
  return { ip: uniqueIp(), userAgent: "vitest" };
}

async function outboxTemplates(email: string) {
  const rows = await db().select({ template: emailOutbox.template }).from(emailOutbox).where(eq(emailOutbox.toAddress, email));
  return rows.map((row) => row.template);
}

/**
 * What the request left for the worker: nothing in any other queue and exactly one job in `queue`.
 * Then that job runs, and the mail it queued is delivered.
 */
async function expectOneJobIn(queue: JobName) {
  const others = (Object.keys(jobQueues) as JobName[]).filter((name) => name !== queue);
  expect(await runQueuedJobs({ only: others })).toEqual([]);
  expect(await runQueuedJobs({ only: [queue] })).toEqual([{ name: queue, state: "completed" }]);
  await runQueuedJobs();
}

describe("sign-up and password-reset requests do the same work for a known and an unknown email", () => {
  it("a sign-up runs the same SQL and queues one sign-up job whether or not the email is taken", async () => {
    const taken = await existingUser("taken");
    const fresh = uniqueEmail("fresh");

    const known = recordingDatabase();
    expect(await registerUser({ name: "Sam Sample", email: taken, password, locale: "en" }, info(), known.db)).toEqual({ status: "ok" });
    await expectOneJobIn("auth.sign-up");

    const unknown = recordingDatabase();
    expect(await registerUser({ name: "Sam Sample", email: fresh, password, locale: "en" }, info(), unknown.db)).toEqual({ status: "ok" });
    await expectOneJobIn("auth.sign-up");

    // The recording saw the request's work: its rate-limit count and the job sent in its connection.
    expect(known.statements.some((text) => text.includes('"rate_limits"'))).toBe(true);
    expect(known.statements.some((text) => text.includes("'auth.sign-up'"))).toBe(true);
    expect(unknown.statements).toEqual(known.statements);

    expect(await outboxTemplates(taken)).toEqual(["accountExists"]);
    expect(await outboxTemplates(fresh)).toEqual(["verifyEmail"]);
    expect(mailbox.to(taken)).toHaveLength(1);
    expect(mailbox.to(fresh)).toHaveLength(1);
    expect(mailbox.last(fresh)?.text).toMatch(/\/verify-email\?token=[A-Za-z0-9_-]{20,}/);
  });

  it("a reset request runs the same SQL and queues one reset job whether or not the email has an account", async () => {
    const registered = await existingUser("registered");
    const stranger = uniqueEmail("stranger");

    const known = recordingDatabase();
    expect(await requestPasswordReset({ email: registered }, info(), known.db)).toEqual({ status: "ok" });
    await expectOneJobIn("auth.password-reset");

    const unknown = recordingDatabase();
    expect(await requestPasswordReset({ email: stranger }, info(), unknown.db)).toEqual({ status: "ok" });
    await expectOneJobIn("auth.password-reset");

    expect(known.statements.some((text) => text.includes('"rate_limits"'))).toBe(true);
    expect(known.statements.some((text) => text.includes("'auth.password-reset'"))).toBe(true);
    expect(unknown.statements).toEqual(known.statements);

    expect(await outboxTemplates(registered)).toEqual(["resetPassword"]);
    expect(mailbox.to(registered)).toHaveLength(1);
    expect(await outboxTemplates(stranger)).toEqual([]);
    expect(mailbox.to(stranger)).toHaveLength(0);
  });
});
