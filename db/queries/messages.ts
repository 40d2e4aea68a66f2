import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Database } from "@/db";
import { customerAccountMembers, customerAccounts, messageAttachments, messageThreadReads, messageThreads, messages, projects, storedFiles, users } from "@/db/schema";
import type { ThreadStatus } from "@/lib/constants";
import { cursorTime, escapeLike, keyset, keysetPage, type Cursor, type PageRequest } from "./search";

/** Which side reads: a thread is unread for a user when the other side wrote since they last read it. */
type Side = "customer" | "staff";

function readsOf(userId: string) {
  return and(eq(messageThreadReads.threadId, messageThreads.id), eq(messageThreadReads.userId, userId));
}

/** Needs `messageThreadReads` joined for the reader (see `readsOf`). */
function unreadFor(side: Side): SQL<boolean> {
  const otherSide = side === "customer" ? messageThreads.lastStaffMessageAt : messageThreads.lastCustomerMessageAt;
  return sql<boolean>`(${otherSide} is not null and (${messageThreadReads.readAt} is null or ${otherSide} > ${messageThreadReads.readAt}))`;
}

/** Subject or any message's body contains the term, case-insensitively. */
function matching(term: string | undefined): SQL | undefined {
  const trimmed = term?.trim();
  if (!trimmed) return undefined;
  const pattern = `%${escapeLike(trimmed)}%`;
  return or(
    ilike(messageThreads.subject, pattern),
    sql`exists (select 1 from ${messages} where ${messages.threadId} = ${messageThreads.id} and ${messages.body} ilike ${pattern})`,
  );
}

/** The start of the thread's newest message, for list rows. */
const preview = sql<string | null>`(select left(${messages.body}, 160) from ${messages} where ${messages.threadId} = ${messageThreads.id} order by ${messages.createdAt} desc, ${messages.id} desc limit 1)`;

export type ThreadBox = "inbox" | "sent";

/**
 * One newest-first page of the account's threads (keyset over last_message_at, id). The inbox holds
 * threads the team wrote in, "sent" those someone of the account wrote in; `unread` is for `userId`.
 */
export async function listThreads(
  accountId: string,
  userId: string,
  filters: { box: ThreadBox; query?: string },
  page: PageRequest,
  db: Database = getDb(),
) {
  const { where, orderBy } = keyset(messageThreads.lastMessageAt, messageThreads.id, page);
  const found = await db
    .select({
      id: messageThreads.id,
      subject: messageThreads.subject,
      status: messageThreads.status,
      projectName: projects.name,
      lastMessageAt: messageThreads.lastMessageAt,
      unread: unreadFor("customer"),
      preview,
      cursorTime: cursorTime(messageThreads.lastMessageAt),
    })
    .from(messageThreads)
    .leftJoin(projects, eq(projects.id, messageThreads.projectId))
    .leftJoin(messageThreadReads, readsOf(userId))
    .where(
      and(
        eq(messageThreads.accountId, accountId),
        isNotNull(filters.box === "inbox" ? messageThreads.lastStaffMessageAt : messageThreads.lastCustomerMessageAt),
        matching(filters.query),
        where,
      ),
    )
    .orderBy(...orderBy)
    .limit(page.limit + 1);
  return keysetPage(found, page);
}

/** The account's latest threads, for the overview. */
export async function listRecentThreads(accountId: string, userId: string, limit = 5, db: Database = getDb()) {
  return db
    .select({
      id: messageThreads.id,
      subject: messageThreads.subject,
      status: messageThreads.status,
      lastMessageAt: messageThreads.lastMessageAt,
      unread: unreadFor("customer"),
    })
    .from(messageThreads)
    .leftJoin(messageThreadReads, readsOf(userId))
    .where(eq(messageThreads.accountId, accountId))
    .orderBy(desc(messageThreads.lastMessageAt), desc(messageThreads.id))
    .limit(limit);
}

/** How many of the account's threads have news from the team for this user (the sidebar's badge). */
export async function countUnreadThreads(userId: string, accountId: string, db: Database = getDb()): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(messageThreads)
    .leftJoin(messageThreadReads, readsOf(userId))
    .where(and(eq(messageThreads.accountId, accountId), unreadFor("customer")));
  return row?.value ?? 0;
}

const threadColumns = {
  id: messageThreads.id,
  accountId: messageThreads.accountId,
  subject: messageThreads.subject,
  status: messageThreads.status,
  projectId: messageThreads.projectId,
  projectName: projects.name,
  lastMessageAt: messageThreads.lastMessageAt,
  createdAt: messageThreads.createdAt,
};

/** One of the account's threads with whether `userId` has unread news in it; another account's id finds nothing. */
export async function getThread(accountId: string, userId: string, threadId: string, db: Database = getDb()) {
  const [thread] = await db
    .select({ ...threadColumns, unread: unreadFor("customer") })
    .from(messageThreads)
    .leftJoin(projects, eq(projects.id, messageThreads.projectId))
    .leftJoin(messageThreadReads, readsOf(userId))
    .where(and(eq(messageThreads.id, threadId), eq(messageThreads.accountId, accountId)));
  return thread ?? null;
}

/** The newest thread about one of the account's projects, for the project page. */
export async function getLatestProjectThread(accountId: string, userId: string, projectId: string, db: Database = getDb()) {
  const [thread] = await db
    .select({ ...threadColumns, unread: unreadFor("customer") })
    .from(messageThreads)
    .leftJoin(projects, eq(projects.id, messageThreads.projectId))
    .leftJoin(messageThreadReads, readsOf(userId))
    .where(and(eq(messageThreads.accountId, accountId), eq(messageThreads.projectId, projectId)))
    .orderBy(desc(messageThreads.lastMessageAt), desc(messageThreads.id))
    .limit(1);
  return thread ?? null;
}

/**
 * The thread's row, locked until the transaction ends, so a reply and a close cannot interleave.
 * With an account id, another account's thread finds nothing; staff pass null.
 */
export async function lockThread(accountId: string | null, threadId: string, db: Database) {
  const [thread] = await db
    .select({ id: messageThreads.id, accountId: messageThreads.accountId, subject: messageThreads.subject, status: messageThreads.status })
    .from(messageThreads)
    .where(and(eq(messageThreads.id, threadId), accountId ? eq(messageThreads.accountId, accountId) : undefined))
    .for("update");
  return thread ?? null;
}

export type ThreadMessage = {
  id: string;
  body: string;
  fromStaff: boolean;
  authorName: string | null;
  createdAt: Date;
  attachments: { fileId: string; name: string; sizeBytes: number; contentType: string }[];
};

async function messagesOf(threadId: string, accountId: string | null, db: Database): Promise<ThreadMessage[]> {
  const rows = await db
    .select({ id: messages.id, body: messages.body, fromStaff: messages.fromStaff, authorName: users.name, createdAt: messages.createdAt })
    .from(messages)
    .innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
    .leftJoin(users, eq(users.id, messages.authorId))
    .where(and(eq(messages.threadId, threadId), accountId ? eq(messageThreads.accountId, accountId) : undefined))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  if (rows.length === 0) return [];
  const files = await db
    .select({
      messageId: messageAttachments.messageId,
      fileId: storedFiles.id,
      name: storedFiles.fileName,
      sizeBytes: storedFiles.sizeBytes,
      contentType: storedFiles.contentType,
    })
    .from(messageAttachments)
    .innerJoin(storedFiles, eq(storedFiles.id, messageAttachments.fileId))
    .where(
      inArray(
        messageAttachments.messageId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(messageAttachments.position));
  return rows.map((row) => ({
    ...row,
    attachments: files.filter((file) => file.messageId === row.id).map(({ messageId: _, ...file }) => file),
  }));
}

/** The thread's messages, oldest first, with their attachments; nothing for another account's thread. */
export function listThreadMessages(accountId: string, threadId: string, db: Database = getDb()): Promise<ThreadMessage[]> {
  return messagesOf(threadId, accountId, db);
}

export function adminListThreadMessages(threadId: string, db: Database = getDb()): Promise<ThreadMessage[]> {
  return messagesOf(threadId, null, db);
}

/**
 * Records that `userId` has read the thread up to its newest message; with an account id, only a
 * thread of that account (another's changes nothing). Never moves back, so an older tab cannot make
 * newer messages unread again. Call it before listing the messages shown.
 */
export async function markThreadRead(accountId: string | null, userId: string, threadId: string, db: Database = getDb()): Promise<boolean> {
  const marked = await db
    .insert(messageThreadReads)
    .select(
      db
        .select({ threadId: messageThreads.id, userId: sql<string>`${userId}::uuid`.as("user_id"), readAt: messageThreads.lastMessageAt })
        .from(messageThreads)
        .where(and(eq(messageThreads.id, threadId), accountId ? eq(messageThreads.accountId, accountId) : undefined)),
    )
    .onConflictDoUpdate({
      target: [messageThreadReads.userId, messageThreadReads.threadId],
      set: { readAt: sql`greatest(${messageThreadReads.readAt}, excluded.read_at)` },
    })
    .returning({ threadId: messageThreadReads.threadId });
  return marked.length > 0;
}

export async function insertThread(
  thread: { accountId: string; projectId: string | null; subject: string; createdById: string },
  db: Database = getDb(),
): Promise<{ id: string }> {
  const [created] = await db.insert(messageThreads).values(thread).returning({ id: messageThreads.id });
  return created!;
}

/**
 * Adds a message with its attachments (files already claimed for the thread's account) and moves
 * the thread's last-message times; a closed thread opens again. Times are the transaction's `now()`,
 * the message's own `created_at`, so the unread comparisons are exact.
 */
export async function insertMessage(
  message: { threadId: string; authorId: string; fromStaff: boolean; body: string; fileIds: string[] },
  db: Database = getDb(),
): Promise<{ id: string }> {
  const [created] = await db
    .insert(messages)
    .values({ threadId: message.threadId, authorId: message.authorId, fromStaff: message.fromStaff, body: message.body })
    .returning({ id: messages.id });
  if (message.fileIds.length > 0) {
    await db.insert(messageAttachments).values(message.fileIds.map((fileId, position) => ({ messageId: created!.id, fileId, position })));
  }
  const side = message.fromStaff ? { lastStaffMessageAt: sql`now()` } : { lastCustomerMessageAt: sql`now()` };
  await db
    .update(messageThreads)
    .set({ ...side, lastMessageAt: sql`greatest(${messageThreads.lastMessageAt}, now())`, status: "open" })
    .where(eq(messageThreads.id, message.threadId));
  return created!;
}

/** Whether the status changed (closing a closed thread changes nothing). */
export async function setThreadStatus(threadId: string, status: ThreadStatus, db: Database = getDb()): Promise<boolean> {
  const changed = await db
    .update(messageThreads)
    .set({ status })
    .where(and(eq(messageThreads.id, threadId), sql`${messageThreads.status} <> ${status}`))
    .returning({ id: messageThreads.id });
  return changed.length > 0;
}

/** The account's projects to choose from when starting a thread. */
export async function listProjectChoices(accountId: string, db: Database = getDb()): Promise<{ id: string; name: string }[]> {
  return db.select({ id: projects.id, name: projects.name }).from(projects).where(eq(projects.accountId, accountId)).orderBy(asc(projects.name), asc(projects.id));
}

/** The project if it is the account's; another account's id finds nothing. */
export async function getProjectChoice(accountId: string, projectId: string, db: Database = getDb()): Promise<{ id: string; name: string } | null> {
  const [project] = await db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(and(eq(projects.id, projectId), eq(projects.accountId, accountId)));
  return project ?? null;
}

// --- Staff ---

/** Unread first, then newest: the position includes the row's unread flag for this staff user. */
export type InboxCursor = Cursor & { unread: boolean };
export type InboxPageRequest = { after?: InboxCursor | null; before?: InboxCursor | null; limit: number };

const unreadRank = sql<number>`(case when ${unreadFor("staff")} then 1 else 0 end)`;

function inboxKeyset(page: InboxPageRequest): { where: SQL | undefined; orderBy: SQL[] } {
  const key = sql`(${unreadRank}, ${messageThreads.lastMessageAt}, ${messageThreads.id})`;
  const at = (cursor: InboxCursor) => sql`(${cursor.unread ? 1 : 0}, ${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`;
  if (page.before) {
    return { where: sql`${key} > ${at(page.before)}`, orderBy: [sql`${unreadRank} asc`, asc(messageThreads.lastMessageAt), asc(messageThreads.id)] };
  }
  return {
    where: page.after ? sql`${key} < ${at(page.after)}` : undefined,
    orderBy: [sql`${unreadRank} desc`, desc(messageThreads.lastMessageAt), desc(messageThreads.id)],
  };
}

const creators = alias(users, "creators");

/** The staff inbox across customers: unread for `staffUserId` first, then newest; filtered by status and a search term. */
export async function adminListThreads(
  staffUserId: string,
  filters: { status?: ThreadStatus; query?: string },
  page: InboxPageRequest,
  db: Database = getDb(),
): Promise<{ rows: AdminThreadRow[]; older: InboxCursor | null; newer: InboxCursor | null }> {
  const { where, orderBy } = inboxKeyset(page);
  const term = filters.query?.trim();
  const found = await db
    .select({
      id: messageThreads.id,
      subject: messageThreads.subject,
      status: messageThreads.status,
      accountId: messageThreads.accountId,
      accountName: customerAccounts.name,
      projectName: projects.name,
      lastMessageAt: messageThreads.lastMessageAt,
      // The customer wrote last: the team owes an answer.
      awaitingReply: sql<boolean>`(${messageThreads.lastCustomerMessageAt} is not null and ${messageThreads.lastCustomerMessageAt} >= coalesce(${messageThreads.lastStaffMessageAt}, '-infinity'))`,
      unread: unreadFor("staff"),
      preview,
      cursorTime: cursorTime(messageThreads.lastMessageAt),
    })
    .from(messageThreads)
    .innerJoin(customerAccounts, eq(customerAccounts.id, messageThreads.accountId))
    .leftJoin(projects, eq(projects.id, messageThreads.projectId))
    .leftJoin(messageThreadReads, readsOf(staffUserId))
    .where(
      and(
        filters.status ? eq(messageThreads.status, filters.status) : undefined,
        term ? or(matching(term), ilike(customerAccounts.name, `%${escapeLike(term)}%`)) : undefined,
        where,
      ),
    )
    .orderBy(...orderBy)
    .limit(page.limit + 1);
  const more = found.length > page.limit;
  const inOrder = page.before ? found.slice(0, page.limit).reverse() : found.slice(0, page.limit);
  const cursor = (row: (typeof found)[number] | undefined): InboxCursor | null => (row ? { unread: row.unread, createdAt: row.cursorTime, id: row.id } : null);
  return {
    rows: inOrder.map(({ cursorTime: _, ...row }) => row),
    newer: page.before ? (more ? cursor(inOrder[0]) : null) : page.after ? cursor(inOrder[0]) : null,
    older: page.before ? cursor(inOrder.at(-1)) : more ? cursor(inOrder.at(-1)) : null,
  };
}

export type AdminThreadRow = {
  id: string;
  subject: string;
  status: ThreadStatus;
  accountId: string;
  accountName: string;
  projectName: string | null;
  lastMessageAt: Date;
  awaitingReply: boolean;
  unread: boolean;
  preview: string | null;
};

/** How many threads have customer messages this staff user has not read (the staff sidebar's badge). */
export async function adminCountUnreadThreads(staffUserId: string, db: Database = getDb()): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(messageThreads)
    .leftJoin(messageThreadReads, readsOf(staffUserId))
    .where(unreadFor("staff"));
  return row?.value ?? 0;
}

/** One thread for staff: its customer account, who started it, the account's owner and the project. */
export async function adminGetThread(staffUserId: string, threadId: string, db: Database = getDb()) {
  const owners = alias(users, "owners");
  const [thread] = await db
    .select({
      ...threadColumns,
      unread: unreadFor("staff"),
      accountName: customerAccounts.name,
      creatorId: creators.id,
      creatorName: creators.name,
      creatorRole: creators.role,
      ownerId: owners.id,
      ownerName: owners.name,
      ownerEmail: owners.email,
    })
    .from(messageThreads)
    .innerJoin(customerAccounts, eq(customerAccounts.id, messageThreads.accountId))
    .leftJoin(projects, eq(projects.id, messageThreads.projectId))
    .leftJoin(creators, eq(creators.id, messageThreads.createdById))
    .leftJoin(customerAccountMembers, and(eq(customerAccountMembers.accountId, messageThreads.accountId), eq(customerAccountMembers.role, "owner")))
    .leftJoin(owners, eq(owners.id, customerAccountMembers.userId))
    .leftJoin(messageThreadReads, readsOf(staffUserId))
    .where(eq(messageThreads.id, threadId))
    .orderBy(asc(customerAccountMembers.createdAt))
    .limit(1);
  return thread ?? null;
}

/** A customer account's threads, newest first, for the staff user page. */
export async function adminListThreadsOfAccount(accountId: string, limit = 10, db: Database = getDb()) {
  return db
    .select({
      id: messageThreads.id,
      subject: messageThreads.subject,
      status: messageThreads.status,
      projectName: projects.name,
      lastMessageAt: messageThreads.lastMessageAt,
    })
    .from(messageThreads)
    .leftJoin(projects, eq(projects.id, messageThreads.projectId))
    .where(eq(messageThreads.accountId, accountId))
    .orderBy(desc(messageThreads.lastMessageAt), desc(messageThreads.id))
    .limit(limit);
}

/** Customer accounts for the staff's "new message" picker: by account name or a member's name or email. */
export async function adminFindCustomerAccounts(query: string, limit = 20, db: Database = getDb()) {
  const owners = alias(users, "owners");
  const members = alias(users, "members");
  const term = query.trim();
  const pattern = `%${escapeLike(term)}%`;
  const memberMatches = db
    .select({ accountId: customerAccountMembers.accountId })
    .from(customerAccountMembers)
    .innerJoin(members, eq(members.id, customerAccountMembers.userId))
    .where(or(ilike(members.name, pattern), ilike(members.email, pattern)));
  return db
    .select({ id: customerAccounts.id, name: customerAccounts.name, ownerName: owners.name, ownerEmail: owners.email })
    .from(customerAccounts)
    .leftJoin(customerAccountMembers, and(eq(customerAccountMembers.accountId, customerAccounts.id), eq(customerAccountMembers.role, "owner")))
    .leftJoin(owners, eq(owners.id, customerAccountMembers.userId))
    .where(term ? or(ilike(customerAccounts.name, pattern), inArray(customerAccounts.id, memberMatches)) : undefined)
    .orderBy(asc(customerAccounts.name), asc(customerAccounts.id))
    .limit(limit);
}
