import { z } from "zod";
import { auditActions, emailStatuses } from "@/db/schema";
import { jobQueues } from "@/lib/jobs/queues";
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
export const resetTwoFactorSchema = z.object({ userId: z.uuid("invalid") });
export const setUserRoleSchema = z.object({ userId: z.uuid("invalid"), role: z.enum(userRoles, "invalid") });

/** Staff sign a user out of one session, or of all of them (`scope: "all"`). */
export const adminRevokeSessionsSchema = z.union([
  z.object({ userId: z.uuid("invalid"), scope: z.literal("all") }),
  z.object({ userId: z.uuid("invalid"), sessionId: z.uuid("invalid") }),
]);

/** A calendar day from a date input; a malformed one is ignored rather than refused. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value))
  .optional()
  .catch(undefined);

/** Where a keyset page starts: `after` pages to older rows, `before` back to newer ones (opaque cursors). */
const cursorParams = {
  after: z.string().max(200).optional().catch(undefined),
  before: z.string().max(200).optional().catch(undefined),
};

/** The audit log's filters and position, as held in the URL. */
export const adminAuditSearchSchema = z.object({
  actor: z.string().trim().max(200).catch(""),
  action: z.enum(auditActions).optional().catch(undefined),
  from: day,
  to: day,
  ...cursorParams,
});

/** The outbox's filters and position, as held in the URL. */
export const adminOutboxSearchSchema = z.object({
  status: z.enum(emailStatuses).optional().catch(undefined),
  query: z.string().trim().max(200).catch(""),
  ...cursorParams,
});

export const retryEmailSchema = z.object({ emailId: z.uuid("invalid") });

const jobNames = Object.keys(jobQueues) as [keyof typeof jobQueues, ...(keyof typeof jobQueues)[]];
export const retryJobSchema = z.object({ name: z.enum(jobNames, "invalid"), jobId: z.uuid("invalid") });
