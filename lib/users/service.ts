import "server-only";
import { adminSetUserRole, adminSetUserStatus } from "@/db/queries/admin-users";
import type { Transaction } from "@/db/queries/transaction";
import { isStaff, type Actor } from "@/lib/actor";
import type { UserRole, UserStatus } from "@/lib/constants";
import { AppError } from "@/lib/errors";
import type { RequestInfo } from "@/lib/request-info";

export type StaffChangeResult = { status: "ok" | "unchanged" | "not_yourself" };

/**
 * Staff-only services start here; the pages already 404 for others, this is the rule itself.
 * Staff act only with two-factor sign-in on: a stolen staff password alone must not be enough.
 */
export function assertStaff(actor: Actor): void {
  if (actor.role !== "admin") throw new AppError("forbidden", "Only staff may do this.");
  if (!isStaff(actor)) throw new AppError("two_factor_required", "Staff must turn on two-factor sign-in first.");
}

/** Disabling ends the user's sessions. Staff cannot change themselves: nobody would be left to undo it. */
export async function changeUserStatus(
  admin: Actor,
  input: { userId: string; status: UserStatus },
  info: RequestInfo,
  db?: Transaction,
): Promise<StaffChangeResult> {
  assertStaff(admin);
  if (input.userId === admin.id) return { status: "not_yourself" };
  const changed = await adminSetUserStatus({ adminId: admin.id, userId: input.userId, status: input.status, ip: info.ip }, db);
  return { status: changed ? "ok" : "unchanged" };
}

export async function changeUserRole(
  admin: Actor,
  input: { userId: string; role: UserRole },
  info: RequestInfo,
  db?: Transaction,
): Promise<StaffChangeResult> {
  assertStaff(admin);
  if (input.userId === admin.id) return { status: "not_yourself" };
  const changed = await adminSetUserRole({ adminId: admin.id, userId: input.userId, role: input.role, ip: info.ip }, db);
  return { status: changed ? "ok" : "unchanged" };
}
