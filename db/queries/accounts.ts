import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { customerAccountMembers, customerAccounts, type AccountMemberRole } from "@/db/schema";

const accountColumns = {
  id: customerAccounts.id,
  name: customerAccounts.name,
  billingEmail: customerAccounts.billingEmail,
  billingAddress: customerAccounts.billingAddress,
  taxId: customerAccounts.taxId,
  createdAt: customerAccounts.createdAt,
};

/** A new account with `ownerId` as its owner, for a customer who signs up (or becomes a customer). */
export async function createCustomerAccount(input: { name: string; ownerId: string }, db: Database = getDb()): Promise<string> {
  const [account] = await db.insert(customerAccounts).values({ name: input.name }).returning({ id: customerAccounts.id });
  await db.insert(customerAccountMembers).values({ accountId: account!.id, userId: input.ownerId, role: "owner" });
  return account!.id;
}

/**
 * An open customer account: the session's (callers pass its id, never one from a form), or the one
 * staff work for. A closed account (its owner deleted it) takes no new work, so it is not found.
 */
export async function getCustomerAccount(accountId: string, db: Database = getDb()) {
  const [account] = await db
    .select(accountColumns)
    .from(customerAccounts)
    .where(and(eq(customerAccounts.id, accountId), isNull(customerAccounts.closedAt)));
  return account ?? null;
}

export async function getAccountMembership(
  userId: string,
  db: Database = getDb(),
): Promise<{ accountId: string; role: AccountMemberRole } | null> {
  const [membership] = await db
    .select({ accountId: customerAccountMembers.accountId, role: customerAccountMembers.role })
    .from(customerAccountMembers)
    .where(eq(customerAccountMembers.userId, userId));
  return membership ?? null;
}

/** For the staff user page: the user's account and their part in it. */
export async function adminGetAccountOfUser(userId: string, db: Database = getDb()) {
  const [row] = await db
    .select({ ...accountColumns, role: customerAccountMembers.role })
    .from(customerAccountMembers)
    .innerJoin(customerAccounts, eq(customerAccounts.id, customerAccountMembers.accountId))
    .where(eq(customerAccountMembers.userId, userId));
  return row ?? null;
}
