import { z } from "zod";
import { projectStatuses, RATING_COMMENT_MAX, taskStates } from "@/lib/constants";
import { rateProjectSchema } from "@/lib/validations/projects";
import { defineEndpoint } from "../endpoint";
import { pageOf, pageQuery } from "../pagination";
import { idParams } from "../route";

const instant = z.iso.datetime({ offset: true });
const day = z.iso.date();

const progressFields = {
  status: z.enum(projectStatuses),
  progress: z.number().int().min(0).max(100).meta({ description: "Percent done: the share of tasks done, unless the team set it (`progressDerived: false`)." }),
  progressDerived: z.boolean().meta({ description: "Whether `progress` is the share of tasks done rather than a value the team set." }),
  tasksTotal: z.number().int(),
  tasksDone: z.number().int(),
};

export const projectSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    ...progressFields,
    startDate: day.nullable(),
    dueDate: day.nullable(),
    updatedAt: instant,
    nextMilestone: z.object({ title: z.string(), dueDate: day }).nullable().meta({ description: "The earliest open milestone; null when none is open." }),
  })
  .meta({ id: "ProjectSummary" });

const ratingSchema = z
  .object({
    rating: z.number().int().min(1).max(5).meta({ description: "Stars, 1–5." }),
    comment: z.string(),
    authorName: z.string().nullable(),
    updatedAt: instant,
  })
  .meta({ id: "ProjectRating" });

export const projectSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    ...progressFields,
    startDate: day.nullable(),
    dueDate: day.nullable(),
    createdAt: instant,
    updatedAt: instant,
    request: z.object({ id: z.uuid(), title: z.string() }).nullable().meta({ description: "The project request it came from, if any." }),
    tasks: z.array(z.object({ id: z.uuid(), title: z.string(), state: z.enum(taskStates), position: z.number().int(), completedAt: instant.nullable() })).meta({ description: "In the team's order." }),
    milestones: z
      .array(
        z.object({
          id: z.uuid(),
          title: z.string(),
          dueDate: day,
          completedAt: instant.nullable(),
          overdue: z.boolean().meta({ description: "Open and due before today in the token user's time zone." }),
        }),
      )
      .meta({ description: "Soonest due first." }),
    deliverables: z
      .array(
        z.object({
          id: z.uuid(),
          title: z.string(),
          fileName: z.string(),
          contentType: z.string(),
          sizeBytes: z.number().int(),
          createdAt: instant,
          downloadUrl: z.string().meta({ description: "Where the file is downloaded with the same token (needs `projects:read`).", example: "/api/v1/projects/5f0c…/deliverables/9a1e…/file" }),
        }),
      )
      .meta({ description: "Newest first." }),
    updates: z.array(z.object({ id: z.uuid(), body: z.string(), authorName: z.string().nullable(), createdAt: instant })).meta({ description: "Newest first." }),
    rating: ratingSchema.nullable().meta({ description: "The account's rating of the completed project, if given." }),
  })
  .meta({ id: "Project" });

export const projectsEndpoints = {
  list: defineEndpoint({
    method: "GET",
    path: "/projects",
    operationId: "listProjects",
    tag: "Projects",
    summary: "List the account's projects",
    description: "Recently changed first, with the filters of the projects page.",
    scope: "projects:read",
    query: pageQuery.extend({
      status: z.enum(projectStatuses).optional().meta({ description: "Only projects in this status." }),
      query: z.string().trim().max(200).optional().meta({ description: "Only projects whose name contains this text." }),
    }),
    responses: { 200: { description: "One page of projects.", schema: pageOf(projectSummarySchema, "ProjectPage") } },
    etag: true,
  }),
  get: defineEndpoint({
    method: "GET",
    path: "/projects/{id}",
    operationId: "getProject",
    tag: "Projects",
    summary: "Get a project with its tasks, milestones, deliverables and updates",
    scope: "projects:read",
    params: idParams,
    responses: { 200: { description: "The project.", schema: projectSchema }, 404: { description: "No such project of the account." } },
    etag: true,
  }),
  deliverable: defineEndpoint({
    method: "GET",
    path: "/projects/{id}/deliverables/{deliverableId}/file",
    operationId: "downloadDeliverable",
    tag: "Projects",
    summary: "Download a deliverable's file",
    description: "The file's bytes with its own Content-Type, as an attachment; supports Range and If-None-Match.",
    scope: "projects:read",
    params: idParams.extend({ deliverableId: z.string().meta({ description: "The deliverable's id (a UUID).", format: "uuid" }) }),
    responses: { 200: { description: "The file, with its own content type.", contentType: "*/*" }, 206: { description: "The requested range.", contentType: "*/*" }, 404: { description: "No such deliverable." } },
  }),
  rate: defineEndpoint({
    method: "PUT",
    path: "/projects/{id}/rating",
    operationId: "rateProject",
    tag: "Projects",
    summary: "Rate a completed project",
    description: `One rating per project: a new one from any member replaces it. The comment is up to ${RATING_COMMENT_MAX} characters.`,
    scope: "projects:write",
    params: idParams,
    body: rateProjectSchema.omit({ projectId: true }).extend({ comment: rateProjectSchema.shape.comment.default("") }),
    responses: { 200: { description: "The rating as saved.", schema: ratingSchema }, 404: { description: "No such project of the account." } },
  }),
};
