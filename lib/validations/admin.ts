import { z } from "zod";
import { ADMIN_PAGE_SIZES, adminUserSortColumns, userRoles, userStatuses } from "@/lib/constants";

/** The users table's state as held in the URL; anything malformed falls back to the default. */
export const adminUsersSearchSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.coerce
    .number()
    .refine((value) => (ADMIN_PAGE_SIZES as readonly number[]).includes(value))
    .catch(20),
  sort: z.enum(adminUserSortColumns).catch("createdAt"),
  direction: z.enum(["asc", "desc"]).catch("desc"),
  query: z.string().trim().max(200).catch(""),
});

export const setUserStatusSchema = z.object({ userId: z.uuid("invalid"), status: z.enum(userStatuses, "invalid") });
export const setUserRoleSchema = z.object({ userId: z.uuid("invalid"), role: z.enum(userRoles, "invalid") });

/** Staff sign a user out of one session, or of all of them (`scope: "all"`). */
export const adminRevokeSessionsSchema = z.union([
  z.object({ userId: z.uuid("invalid"), scope: z.literal("all") }),
  z.object({ userId: z.uuid("invalid"), sessionId: z.uuid("invalid") }),
]);
