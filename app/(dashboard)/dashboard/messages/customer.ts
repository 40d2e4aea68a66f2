import "server-only";
import { notFound, redirect } from "next/navigation";
import type { SessionUser } from "@/db/queries/sessions";
import { requireUser } from "@/lib/session";

/** The signed-in customer with their account. Staff have no account: their messages are in the staff inbox. */
export async function requireCustomer(staffPath: string): Promise<SessionUser & { accountId: string }> {
  const user = await requireUser();
  if (user.role === "admin") redirect(staffPath);
  if (!user.accountId) notFound();
  return { ...user, accountId: user.accountId };
}
