import { z } from "zod";
import {
  ADMIN_PAGE_SIZES,
  adminProjectSortColumns,
  DELIVERABLE_TITLE_MAX,
  MILESTONE_TITLE_MAX,
  PROJECT_DESCRIPTION_MAX,
  PROJECT_NAME_MAX,
  projectStatuses,
  RATING_COMMENT_MAX,
  TASK_TITLE_MAX,
  taskStates,
  UPDATE_BODY_MAX,
} from "@/lib/constants";
import { isCalendarDay } from "@/lib/calendar-day";
import { attachmentIdsField } from "./uploads";

// Messages are keys into the `validation` namespace; this domain's own live under `validation.projects`.

const id = z.uuid("invalid");

/** A date input's value: a real calendar day, or blank for "none". */
const optionalDay = z
  .string()
  .trim()
  .refine((value) => value === "" || isCalendarDay(value), "projects.dateInvalid")
  .transform((value) => value || null);

const requiredDay = z.string().trim().min(1, "projects.dueDateRequired").refine(isCalendarDay, "projects.dateInvalid");

const text = (max: number, required: string) => z.string().trim().min(1, required).max(max, "projects.tooLong");

const projectFields = {
  name: text(PROJECT_NAME_MAX, "projects.nameRequired"),
  description: z.string().trim().max(PROJECT_DESCRIPTION_MAX, "projects.tooLong"),
  startDate: optionalDay,
  dueDate: optionalDay,
};

/** The due date may not come before the start; reported on the due date field. */
function datesInOrder(value: { startDate: string | null; dueDate: string | null }): boolean {
  return !value.startDate || !value.dueDate || value.startDate <= value.dueDate;
}
const datesOrder = { message: "projects.dueBeforeStart", path: ["dueDate"] };

export const createProjectSchema = z
  .object({ accountId: z.uuid("projects.customerRequired"), status: z.enum(projectStatuses, "invalid"), ...projectFields })
  .refine(datesInOrder, datesOrder);
export const updateProjectSchema = z.object({ projectId: id, ...projectFields }).refine(datesInOrder, datesOrder);

export const projectStatusSchema = z.object({ projectId: id, status: z.enum(projectStatuses, "invalid") });

/** "derive" goes back to the share of tasks done; "set" takes the percentage given. */
export const projectProgressSchema = z.discriminatedUnion("mode", [
  z.object({ projectId: id, mode: z.literal("derive") }),
  z.object({
    projectId: id,
    mode: z.literal("set"),
    progress: z
      .string()
      .trim()
      .regex(/^\d{1,3}$/, "projects.progressRange")
      .transform(Number)
      .refine((value) => value <= 100, "projects.progressRange"),
  }),
]);

export const createTaskSchema = z.object({ projectId: id, title: text(TASK_TITLE_MAX, "projects.titleRequired") });
export const updateTaskSchema = z.object({ taskId: id, title: text(TASK_TITLE_MAX, "projects.titleRequired"), state: z.enum(taskStates, "invalid") });
export const moveTaskSchema = z.object({ taskId: id, direction: z.enum(["up", "down"], "invalid") });
export const deleteTaskSchema = z.object({ taskId: id });

export const createMilestoneSchema = z.object({ projectId: id, title: text(MILESTONE_TITLE_MAX, "projects.titleRequired"), dueDate: requiredDay });
export const updateMilestoneSchema = z.object({ milestoneId: id, title: text(MILESTONE_TITLE_MAX, "projects.titleRequired"), dueDate: requiredDay });
export const milestoneDoneSchema = z.object({ milestoneId: id, done: z.enum(["true", "false"], "invalid").transform((value) => value === "true") });
export const deleteMilestoneSchema = z.object({ milestoneId: id });

export const postUpdateSchema = z.object({ projectId: id, body: text(UPDATE_BODY_MAX, "projects.updateRequired") });

/** One uploaded file per document (AttachmentPicker's hidden ids): its title says what it is. */
export const addDeliverableSchema = z.object({
  projectId: id,
  title: text(DELIVERABLE_TITLE_MAX, "projects.titleRequired"),
  attachmentIds: attachmentIdsField.pipe(z.array(z.string()).min(1, "projects.fileRequired").max(1, "projects.oneFile")),
});

export const removeDeliverableSchema = z.object({ deliverableId: id });

export const rateProjectSchema = z.object({
  projectId: id,
  rating: z.coerce.number("projects.ratingRequired").int("projects.ratingRequired").min(1, "projects.ratingRequired").max(5, "projects.ratingRequired"),
  comment: z.string().trim().max(RATING_COMMENT_MAX, "projects.tooLong"),
});

/** The customer's list filters, as held in the URL; anything malformed falls back to "all". */
export const projectListSearchSchema = z.object({
  status: z.enum(projectStatuses).optional().catch(undefined),
  query: z.string().trim().max(200).catch(""),
});

/** The staff projects table's state as held in the URL. */
export const adminProjectsSearchSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.coerce
    .number()
    .refine((value) => (ADMIN_PAGE_SIZES as readonly number[]).includes(value))
    .catch(20),
  sort: z.enum(adminProjectSortColumns).catch("updatedAt"),
  direction: z.enum(["asc", "desc"]).catch("desc"),
  query: z.string().trim().max(200).catch(""),
  status: z.enum(projectStatuses).optional().catch(undefined),
  account: z.uuid().optional().catch(undefined),
});

/** The new-project page: which customer to pick from (a search) or the one already chosen. */
export const newProjectSearchSchema = z.object({
  customer: z.string().trim().max(200).catch(""),
  account: z.uuid().optional().catch(undefined),
});
