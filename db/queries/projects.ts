import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { customerAccountMembers, projects } from "@/db/schema";
import type { ProjectStatus } from "@/lib/constants";

export type NewProject = {
  accountId: string;
  name: string;
  description: string;
  status: ProjectStatus;
  startDate: string | null;
  dueDate: string | null;
  createdById: string | null;
};

export async function insertProject(project: NewProject, db: Database = getDb()): Promise<{ id: string }> {
  const [created] = await db.insert(projects).values(project).returning({ id: projects.id });
  return created!;
}

/** Everyone who sees the account's projects: each gets the customer-side notifications. */
export async function listAccountMemberIds(accountId: string, db: Database = getDb()): Promise<string[]> {
  const rows = await db.select({ userId: customerAccountMembers.userId }).from(customerAccountMembers).where(eq(customerAccountMembers.accountId, accountId));
  return rows.map((row) => row.userId);
}
