import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { insertAgentRequest } from "@/db/queries/agents";
import { insertMessage, insertThread } from "@/db/queries/messages";
import { createNotification } from "@/db/queries/notifications";
import { insertMilestone, insertProject, insertTask } from "@/db/queries/projects";
import type { SessionUser } from "@/db/queries/sessions";
import { callPreferences } from "@/db/schema";
import { ingestCall } from "@/lib/calls/ingest";
import { createCallRequest } from "@/lib/calls/requests";
import { startThread } from "@/lib/messages/service";
import { addDeliverable } from "@/lib/projects/service";
import { receiveUpload } from "@/lib/uploads/service";
import { testOpenInvoice } from "./billing";
import { callReport, wavBytes } from "./call-platform";
import { testCalls } from "./calls";
import { signedInUser } from "./index";

const info = { ip: null, userAgent: "vitest" };
const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

/**
 * A customer with one of each thing the API serves, made on first use: the owner in cross-user tests.
 * Each builder returns the row's id and records it (and any distinctive text) in `secrets`, which
 * another customer's answers must never contain.
 */
export class CustomerWithData {
  readonly secrets = new Set<string>();
  private readonly made = new Map<string, Promise<string>>();

  private constructor(readonly user: SessionUser) {
    this.secrets.add(user.id).add(user.email).add(this.accountId);
  }

  static async create(label: string): Promise<CustomerWithData> {
    return new CustomerWithData(await signedInUser("customer", label));
  }

  get accountId(): string {
    return this.user.accountId!;
  }

  /** Staff, for the things only staff add (a project's deliverables). */
  private staff(): Promise<SessionUser> {
    return (this.staffUser ??= signedInUser("admin", "api-owner-staff"));
  }
  private staffUser: Promise<SessionUser> | undefined;

  /** A text only this customer's data holds, e.g. a project's name. */
  marker(what: string): string {
    const text = `${what} ${randomUUID().slice(0, 8)}`;
    this.secrets.add(text);
    return text;
  }

  private once(key: string, make: () => Promise<string>): Promise<string> {
    let id = this.made.get(key);
    if (!id) {
      id = make().then((made) => (this.secrets.add(made), made));
      this.made.set(key, id);
    }
    return id;
  }

  invoice(): Promise<string> {
    return this.once("invoice", async () => {
      const invoice = await testOpenInvoice(this.accountId, 12_345);
      this.secrets.add(invoice.number);
      return invoice.id;
    });
  }

  call(): Promise<string> {
    return this.once("call", async () => (await testCalls(this.accountId, [{ fromNumber: "+15550177" }]))[0]!);
  }

  project(): Promise<string> {
    return this.once("project", async () => {
      const { id } = await insertProject({ accountId: this.accountId, name: this.marker("Project"), description: this.marker("Brief"), status: "in_progress", startDate: "2026-01-05", dueDate: "2026-12-20", createdById: null });
      this.secrets.add((await insertTask({ projectId: id, title: this.marker("Task"), position: 0 }, getDb())).id);
      this.secrets.add((await insertMilestone({ projectId: id, title: this.marker("Milestone"), dueDate: "2026-06-01" }, getDb())).id);
      return id;
    });
  }

  /** A deliverable (a stored PDF) of the customer's project. Needs a storage (setStorage) for the test. */
  deliverable(): Promise<string> {
    return this.once("deliverable", async () => {
      const staff = await this.staff();
      const upload = await receiveUpload(staff, { purpose: "deliverable", fileName: `${this.marker("plan")}.pdf`, body: pdf, declaredBytes: pdf.byteLength });
      if (upload.status !== "ok") throw new Error(`No upload: ${upload.status}`);
      return (await addDeliverable(staff, { projectId: await this.project(), title: this.marker("Deliverable"), fileId: upload.file.id }, info)).id;
    });
  }

  /** A thread the customer started with one attachment; its id and the attachment's file id. Needs a storage. */
  async threadWithAttachment(): Promise<{ threadId: string; fileId: string }> {
    const fileId = await this.once("attachmentFile", async () => {
      const upload = await receiveUpload(this.user, { purpose: "message_attachment", fileName: `${this.marker("notes")}.pdf`, body: pdf, declaredBytes: pdf.byteLength });
      if (upload.status !== "ok") throw new Error(`No upload: ${upload.status}`);
      return upload.file.id;
    });
    const threadId = await this.once("attachmentThread", async () => {
      const started = await startThread(this.user, { subject: this.marker("Subject"), body: this.marker("Message"), projectId: null, attachmentIds: [fileId] });
      if (started.status !== "ok") throw new Error(`No thread: ${started.status}`);
      return started.threadId;
    });
    return { threadId, fileId };
  }

  /** A call with a stored recording (the account consented). Needs a storage. */
  recordedCall(): Promise<string> {
    return this.once("recordedCall", async () => {
      await getDb().insert(callPreferences).values({ accountId: this.accountId, recordingConsent: true }).onConflictDoUpdate({ target: callPreferences.accountId, set: { recordingConsent: true } });
      const result = await ingestCall({ report: callReport(this.accountId, { summary: this.marker("Summary") }), recording: { body: wavBytes() } });
      return result.call.id;
    });
  }

  callRequest(): Promise<string> {
    return this.once("callRequest", async () => {
      const created = await createCallRequest(this.user, { toNumber: "+15550142", agentId: null, scheduledFor: null, notes: this.marker("Request") }, info);
      if (created.status !== "ok") throw new Error(`No call request: ${created.status}`);
      return created.requestId;
    });
  }

  thread(): Promise<string> {
    return this.once("thread", async () => {
      const { id } = await insertThread({ accountId: this.accountId, projectId: null, subject: this.marker("Subject"), createdById: this.user.id });
      this.secrets.add((await insertMessage({ threadId: id, authorId: this.user.id, fromStaff: false, body: this.marker("Message"), fileIds: [] })).id);
      return id;
    });
  }

  agentRequest(): Promise<string> {
    return this.once("agentRequest", async () => {
      const request = { accountId: this.accountId, requestedById: this.user.id, agentId: null, replacesAssignmentId: null, language: "de", specialty: null, notes: this.marker("Notes") };
      return (await insertAgentRequest(request)).id;
    });
  }

  notification(): Promise<string> {
    return this.once("notification", () => createNotification({ userId: this.user.id, category: "account", type: "test", params: { text: this.marker("Notice") }, link: null }));
  }
}

/** Tables a refused API call may still write: the caller's own token use, rate limit and idempotency bookkeeping. */
const bookkeeping = new Set(["api_tokens", "rate_limits", "api_idempotency_keys"]);

/** A digest of every application table's rows, to prove that a refused call changed nothing. */
export async function tableDigests(): Promise<Record<string, string>> {
  const db = getDb();
  const tables = (await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`)) as unknown;
  const names = (Array.isArray(tables) ? tables : (tables as { rows: unknown[] }).rows) as { table_name: string }[];
  const digests: Record<string, string> = {};
  for (const { table_name: name } of names) {
    if (bookkeeping.has(name) || name.startsWith("__")) continue;
    const result = (await db.execute(sql.raw(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from "${name}" t`))) as unknown;
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { digest: string }[];
    digests[name] = rows[0]!.digest;
  }
  return digests;
}
