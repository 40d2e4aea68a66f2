import { z } from "zod";
import { isCalendarDay } from "@/lib/calendar-day";
import {
  AGENT_BIO_MAX,
  AGENT_DECLINE_REASON_MAX,
  AGENT_NAME_MAX,
  AGENT_REQUEST_NOTES_MAX,
  AGENT_TAG_MAX,
  AGENT_TAGS_MAX,
  agentKinds,
  agentLanguages,
  assignmentRoles,
  AVATAR_MAX_BYTES,
} from "@/lib/constants";

// Messages are full keys of this area's own namespaces (`agents.validation.*`, `adminAgents.validation.*`).

/** An empty select or field means "no preference". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" || value === undefined ? null : value), schema.nullable());

const agentLanguage = z.enum(agentLanguages, "agents.validation.languageInvalid");

export const agentRequestSchema = z.object({
  agentId: optional(z.uuid("agents.validation.agentInvalid")),
  replacesAssignmentId: optional(z.uuid("agents.validation.replacesInvalid")),
  language: optional(agentLanguage),
  specialty: optional(z.string().trim().max(AGENT_TAG_MAX, "agents.validation.specialtyTooLong")).transform((value) => value || null),
  notes: z.string().trim().max(AGENT_REQUEST_NOTES_MAX, "agents.validation.notesTooLong").default(""),
});
export type AgentRequestInput = z.infer<typeof agentRequestSchema>;

const calendarDay = (message: string) => z.string().trim().refine(isCalendarDay, message);

export const approveAgentRequestSchema = z.object({
  requestId: z.uuid("invalid"),
  agentId: z.uuid("adminAgentRequests.validation.agentRequired"),
  role: z.enum(assignmentRoles, "adminAgentRequests.validation.roleInvalid"),
  startsOn: calendarDay("adminAgentRequests.validation.startInvalid"),
});
export type ApproveAgentRequestInput = z.infer<typeof approveAgentRequestSchema>;

export const declineAgentRequestSchema = z.object({
  requestId: z.uuid("invalid"),
  reason: z.string().trim().min(1, "adminAgentRequests.validation.reasonRequired").max(AGENT_DECLINE_REASON_MAX, "adminAgentRequests.validation.reasonTooLong"),
});

/** "Sales, German market" → ["Sales", "German market"]: trimmed, empty ones dropped, duplicates once. */
const specialtiesField = z
  .string()
  .default("")
  .transform((value) => [...new Set(value.split(",").map((tag) => tag.trim()).filter(Boolean))])
  .pipe(z.array(z.string().max(AGENT_TAG_MAX, "adminAgents.validation.specialtyTooLong")).max(AGENT_TAGS_MAX, "adminAgents.validation.tooManySpecialties"));

/** A multi-select (or checkboxes) arrives as one value or a list of them. */
const languagesField = z
  .preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.enum(agentLanguages, "adminAgents.validation.languageInvalid")).min(1, "adminAgents.validation.languagesRequired"))
  .transform((values) => [...new Set(values)]);

export const agentSchema = z.object({
  name: z.string().trim().min(1, "adminAgents.validation.nameRequired").max(AGENT_NAME_MAX, "adminAgents.validation.nameTooLong"),
  kind: z.enum(agentKinds, "adminAgents.validation.kindInvalid"),
  languages: languagesField,
  specialties: specialtiesField,
  bio: z.string().trim().max(AGENT_BIO_MAX, "adminAgents.validation.bioTooLong").default(""),
  // A checkbox: sent as "on" when ticked, absent otherwise.
  active: z.preprocess((value) => value === "on" || value === "true", z.boolean()),
});
export type AgentInput = z.infer<typeof agentSchema>;

export const updateAgentSchema = agentSchema.extend({ agentId: z.uuid("invalid") });

export const agentAvatarSchema = z.object({
  agentId: z.uuid("invalid"),
  avatar: z
    .instanceof(File, { message: "adminAgents.validation.avatarRequired" })
    .refine((file) => file.size > 0, "adminAgents.validation.avatarRequired")
    .refine((file) => file.size <= AVATAR_MAX_BYTES, "adminAgents.validation.avatarTooLarge"),
});

export const agentIdSchema = z.object({ agentId: z.uuid("invalid") });

export const assignAgentSchema = z.object({
  accountId: z.uuid("invalid"),
  agentId: z.uuid("adminAgentRequests.validation.agentRequired"),
  role: z.enum(assignmentRoles, "adminAgentRequests.validation.roleInvalid"),
  startsOn: calendarDay("adminAgentRequests.validation.startInvalid"),
});
export type AssignAgentInput = z.infer<typeof assignAgentSchema>;

export const endAssignmentSchema = z.object({ assignmentId: z.uuid("invalid") });

/** The staff queue's page, as held in the URL; anything malformed falls back to the first. */
export const adminAgentRequestsSearchSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
