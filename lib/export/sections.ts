import "server-only";
import { exportReaders, type ExportReader, type ExportSectionName, type ExportSubject } from "@/db/queries/export";

/**
 * One part of the export: a key of data.json and a file `csv/<name>.csv`. `tables` are the schema
 * tables it reads; the coverage test fails when a table that references a user or a customer
 * account is neither here nor in `notExported`.
 */
export type ExportSection = {
  name: ExportSectionName;
  tables: readonly string[];
  description: string;
  reader: ExportReader;
  /** The account's own data (its projects, invoices, calls…): exported for its owner only. */
  ownerOnly?: true;
};

type SectionSpec = Omit<ExportSection, "reader">;

const specs: SectionSpec[] = [
  { name: "profile", tables: ["users"], description: "Your profile: name, email, contact details, role and status. Never the password's hash." },
  { name: "settings", tables: ["user_settings"], description: "Your preferences: theme, language, time zone, date and time format, overview layout, privacy choices." },
  { name: "notification_preferences", tables: ["notification_preferences"], description: "Your choices per notification category and channel (a category without a row uses the defaults)." },
  { name: "sessions", tables: ["auth_sessions"], description: "Your sign-in sessions: when, from which address and browser, and when they ended." },
  { name: "audit_log", tables: ["audit_log"], description: "The security and audit log about you: sign-ins and failed attempts, security and profile changes, staff actions on your account." },
  { name: "notifications", tables: ["notifications"], description: "Your notifications: type and parameters (the text is rendered from them), link, when created and read." },
  { name: "two_factor", tables: ["user_two_factor", "two_factor_recovery_codes"], description: "Whether two-factor sign-in is on, since when, and how many recovery codes are unused. Never the secret or the codes." },
  { name: "calendar_feed", tables: ["calendar_feeds"], description: "Your private calendar feed: when it was created and last used. Never its address's token." },
  { name: "api_tokens", tables: ["api_tokens"], description: "Your personal access tokens for the API: name, first characters, scopes, when created, last used, when they expire and when revoked. Never the token or its hash." },
  { name: "webhook_endpoints", tables: ["webhook_endpoints"], description: "The account's webhook endpoints: address, description, events, whether enabled. Never the signing secrets.", ownerOnly: true },
  { name: "account_membership", tables: ["customer_account_members"], description: "Your membership of the customer account and your role in it." },
  { name: "thread_reads", tables: ["message_thread_reads"], description: "When you last read each conversation." },
  { name: "emails", tables: ["email_outbox"], description: "Emails sent to your address, with links in them redacted." },
  { name: "checkout_sessions", tables: ["demo_checkout_sessions"], description: "Checkouts you started in demo payment mode." },
  { name: "files", tables: ["stored_files"], description: "Files you can open in the dashboard (your photo, your uploads, the account's documents, attachments and call recordings); each one's bytes are under files/." },
  { name: "account", tables: ["customer_accounts"], description: "The customer account; its billing details only for its owner." },
  { name: "projects", tables: ["projects"], description: "The account's projects.", ownerOnly: true },
  { name: "project_tasks", tables: ["project_tasks"], description: "The projects' tasks in order.", ownerOnly: true },
  { name: "project_milestones", tables: ["project_milestones"], description: "The projects' milestones (due dates are calendar days).", ownerOnly: true },
  { name: "project_updates", tables: ["project_updates"], description: "The projects' timeline updates from the team.", ownerOnly: true },
  { name: "project_deliverables", tables: ["project_deliverables"], description: "Documents delivered in the projects (the files are under files/deliverable/).", ownerOnly: true },
  { name: "project_ratings", tables: ["project_ratings"], description: "Ratings of completed projects.", ownerOnly: true },
  { name: "project_requests", tables: ["project_requests"], description: "Project requests the account sent, with their state." },
  { name: "project_request_attachments", tables: ["project_request_attachments"], description: "Which files belong to which project request." },
  { name: "message_threads", tables: ["message_threads"], description: "The account's conversations with the team (for a member who is not the owner: those they started or wrote in)." },
  { name: "messages", tables: ["messages"], description: "Every message in those conversations, the team's replies included (a member who is not the owner: theirs and the team's)." },
  { name: "message_attachments", tables: ["message_attachments"], description: "Which files belong to which message." },
  { name: "subscriptions", tables: ["subscriptions"], description: "The account's subscriptions: plan, status and periods.", ownerOnly: true },
  { name: "usage_alerts", tables: ["usage_alerts"], description: "Usage warnings sent per subscription period (80 and 100 percent).", ownerOnly: true },
  { name: "invoices", tables: ["invoices"], description: "The account's invoices (amounts in minor units of their currency).", ownerOnly: true },
  { name: "invoice_items", tables: ["invoice_items"], description: "The invoices' line items.", ownerOnly: true },
  { name: "payments", tables: ["payments"], description: "Payments and failed payment attempts on those invoices.", ownerOnly: true },
  { name: "agent_assignments", tables: ["agent_assignments"], description: "Agents assigned to the account, from and until when.", ownerOnly: true },
  { name: "agent_requests", tables: ["agent_requests"], description: "Agent requests the account sent, with the decision." },
  { name: "call_requests", tables: ["call_requests"], description: "Outbound calls the account asked for." },
  { name: "calls", tables: ["calls"], description: "Every call handled for the account, oldest first, with transcript and summary (recordings under files/call_recording/).", ownerOnly: true },
  { name: "call_preferences", tables: ["call_preferences"], description: "The account's call settings, recording consent included.", ownerOnly: true },
  { name: "activity", tables: ["activity_events"], description: "The account's activity timeline (a colleague's security events stay theirs; a member who is not the owner gets what they did and their own security events)." },
];

export const exportSections: readonly ExportSection[] = specs.map((spec) => ({ ...spec, reader: exportReaders[spec.name] }));

/**
 * Whom a section reads for. The owner of a customer account gets the account's data; a member who
 * is not the owner gets only their own (what they wrote and asked for, the team's replies to them),
 * never a colleague's: for them an owner-only section reads as if they had no account.
 */
export function subjectFor(section: ExportSection, subject: ExportSubject): ExportSubject {
  return section.ownerOnly && subject.accountRole !== "owner" ? { ...subject, accountId: null } : subject;
}

/**
 * Tables that reference a user or a customer account but are not exported, and why. The coverage
 * test requires every such table to be in `exportSections` or here.
 */
export const notExported: Readonly<Record<string, string>> = {
  api_idempotency_keys: "The API's replay guard: a request's key, a hash of its body and the answer already given, kept a day so a retried request is not done twice; what it created is exported in its own section.",
  auth_tokens: "Single-use links (verification, password reset, email change) kept only as hashes until they expire within hours; a pending email change is already in the audit log.",
  call_hourly_stats: "Statistics computed from the calls, which are exported in full.",
  call_totals: "Statistics computed from the calls, which are exported in full.",
  platform_api_keys: "The call platform's credentials, created by staff; hashes only, not data about the person who created them.",
  rate_limits: "Abuse counters keyed by address or email hash that expire within the hour.",
  webhook_deliveries: "The log of events sent to the account's webhook endpoints, kept 30 days; the objects they describe (calls, invoices, projects…) are exported in their own sections.",
};
