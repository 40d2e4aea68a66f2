import { pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
// Relative, not "@/": drizzle-kit loads the schema without the project's path aliases.
import { accountMemberRoles } from "../../lib/constants";
import { users } from "./users";

export { accountMemberRoles };
export type { AccountMemberRole } from "@/lib/constants";

export const accountMemberRole = pgEnum("account_member_role", accountMemberRoles);

/** The client company: it owns what is bought (projects, invoices, the subscription, calls, agents). */
export const customerAccounts = pgTable(
  "customer_accounts",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    // Billing details printed on invoices; the billing email falls back to the owner's.
    billingEmail: text(),
    billingAddress: text(),
    taxId: text(),
    stripeCustomerId: text(),
    // Set when the owner deleted their account: only what invoices must keep by law remains.
    closedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("customer_accounts_stripe_customer_unique").on(table.stripeCustomerId)],
);

/** Who belongs to an account; a user belongs to at most one (the unique index on user_id). */
export const customerAccountMembers = pgTable(
  "customer_account_members",
  {
    accountId: uuid()
      .notNull()
      .references(() => customerAccounts.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: accountMemberRole().notNull().default("owner"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.userId] }), uniqueIndex("customer_account_members_user_unique").on(table.userId)],
);

export type CustomerAccount = typeof customerAccounts.$inferSelect;
