import { z } from "zod";
import { agentKinds, agentLanguages, agentRequestStatuses, assignmentRoles } from "@/lib/constants";
import { agentRequestSchema } from "@/lib/validations/agents";
import { defineEndpoint } from "../endpoint";
import { pageOf, pageQuery } from "../pagination";

const instant = z.iso.datetime({ offset: true });
const day = z.iso.date();
const nullableNumber = (description: string) => z.number().nullable().meta({ description });

export const assignedAgentSchema = z
  .object({
    assignmentId: z.uuid(),
    id: z.uuid().meta({ description: "The agent's id." }),
    name: z.string(),
    kind: z.enum(agentKinds),
    role: z.enum(assignmentRoles),
    languages: z.array(z.enum(agentLanguages)),
    specialties: z.array(z.string()),
    bio: z.string(),
    startsOn: day,
    endsOn: day.nullable(),
    performance: z
      .object({
        calls: z.number().int(),
        successRate: nullableNumber("Completed calls as a share of all, 0–1; null without calls."),
        averageSatisfaction: nullableNumber("Average rating out of 5; null without ratings."),
        averageHandlingSeconds: nullableNumber("Average length of a completed call; null without one."),
      })
      .meta({ description: "How the agent did on the account's calls." }),
  })
  .meta({ id: "AssignedAgent" });

export const availableAgentSchema = z
  .object({ id: z.uuid(), name: z.string(), kind: z.enum(agentKinds), languages: z.array(z.enum(agentLanguages)) })
  .meta({ id: "AvailableAgent" });

export const agentRequestItemSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(agentRequestStatuses),
    language: z.enum(agentLanguages).nullable(),
    specialty: z.string().nullable(),
    notes: z.string(),
    declineReason: z.string().nullable(),
    requestedAgentName: z.string().nullable().meta({ description: "The agent asked for, if one was." }),
    replacesAgentName: z.string().nullable().meta({ description: "For a change: the agent to be replaced." }),
    assignedAgentName: z.string().nullable(),
    assignedRole: z.enum(assignmentRoles).nullable(),
    assignedFrom: day.nullable(),
    createdAt: instant,
    decidedAt: instant.nullable(),
  })
  .meta({ id: "AgentRequest" });

export const agentsEndpoints = {
  assigned: defineEndpoint({
    method: "GET",
    path: "/agents",
    operationId: "listAssignedAgents",
    tag: "Agents",
    summary: "List the agents working for the account today",
    description: "As the agents page shows them: primary first, with their performance on the account's calls.",
    scope: "agents:read",
    responses: { 200: { description: "The assigned agents.", schema: z.object({ data: z.array(assignedAgentSchema) }).meta({ id: "AssignedAgentList" }) } },
    etag: true,
  }),
  available: defineEndpoint({
    method: "GET",
    path: "/agents/available",
    operationId: "listAvailableAgents",
    tag: "Agents",
    summary: "List the agents one may ask for",
    description: "The choices of the request form's agent field (`agentId`).",
    scope: "agents:read",
    responses: { 200: { description: "The active agents, by name.", schema: z.object({ data: z.array(availableAgentSchema) }).meta({ id: "AvailableAgentList" }) } },
    etag: true,
  }),
  requests: defineEndpoint({
    method: "GET",
    path: "/agents/requests",
    operationId: "listAgentRequests",
    tag: "Agents",
    summary: "List the account's agent requests",
    description: "Newest first.",
    scope: "agents:read",
    query: pageQuery,
    responses: { 200: { description: "One page of requests.", schema: pageOf(agentRequestItemSchema, "AgentRequestPage") } },
  }),
  createRequest: defineEndpoint({
    method: "POST",
    path: "/agents/requests",
    operationId: "createAgentRequest",
    tag: "Agents",
    summary: "Ask for an agent",
    description:
      "A first or another agent, or (with `replacesAssignmentId`) a change replacing one of the current ones. One request waits at a time: while one does, the answer is 409 `pending_exists`.",
    scope: "agents:write",
    body: agentRequestSchema,
    idempotent: true,
    responses: { 201: { description: "The request.", schema: agentRequestItemSchema }, 409: { description: "A request is already waiting." } },
  }),
};
