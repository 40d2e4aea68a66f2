import type { ActivityArea } from "@/lib/constants";

/**
 * Every kind of timeline entry and the area it is filtered by. Its text lives under
 * `activity.types.<type>` in the message files, rendered from the entry's params.
 */
export const activityTypes = {
  "project.statusChanged": { area: "projects" },
  "project.updatePosted": { area: "projects" },
  "project.milestoneReached": { area: "projects" },
  "project.deliverableAdded": { area: "projects" },
  "message.received": { area: "messages" },
  "message.sent": { area: "messages" },
  "invoice.issued": { area: "billing" },
  "invoice.paid": { area: "billing" },
  "payment.failed": { area: "billing" },
  "subscription.changed": { area: "billing" },
  "call.completed": { area: "calls" },
  "agent.assigned": { area: "agents" },
  "agent.assignmentEnded": { area: "agents" },
  "agentRequest.approved": { area: "agents" },
  "agentRequest.declined": { area: "agents" },
  "security.signedIn": { area: "security" },
  "security.passwordChanged": { area: "security" },
  "security.passwordReset": { area: "security" },
  "security.emailChanged": { area: "security" },
  "security.twoFactorEnabled": { area: "security" },
  "security.twoFactorDisabled": { area: "security" },
  "security.sessionsRevoked": { area: "security" },
  "security.apiTokenCreated": { area: "security" },
  "security.apiTokenRevoked": { area: "security" },
} as const satisfies Record<string, { area: ActivityArea }>;

export type ActivityType = keyof typeof activityTypes;
