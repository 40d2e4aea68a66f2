import type { NotificationCategory } from "@/lib/constants";

/**
 * Every kind of notification: its category (which email preference governs it) and the page it
 * leads to. Its text lives under `notifications.types.<type>` in the message files.
 */
export const notificationTypes = {
  "security.newSignIn": { category: "account", link: "/dashboard/security" },
  "security.passwordChanged": { category: "account", link: "/dashboard/security" },
  "security.passwordUpdated": { category: "account", link: "/dashboard/security" },
  "security.sessionsRevokedByStaff": { category: "account", link: "/dashboard/security" },
  "security.twoFactorEnabled": { category: "account", link: "/dashboard/security" },
  "security.twoFactorDisabled": { category: "account", link: "/dashboard/security" },
  "security.twoFactorLocked": { category: "account", link: "/dashboard/security" },
  "security.twoFactorResetByStaff": { category: "account", link: "/dashboard/security" },
  "security.apiTokenCreated": { category: "account", link: "/dashboard/security" },
  "security.apiTokenRevokedByStaff": { category: "account", link: "/dashboard/security" },
  "account.emailChanged": { category: "account", link: "/dashboard/profile" },
  "webhooks.endpointDisabled": { category: "account", link: "/dashboard/settings/webhooks" },
  "project.created": { category: "projects", link: "/dashboard/projects" },
  "project.statusChanged": { category: "projects", link: "/dashboard/projects" },
  "project.updatePosted": { category: "projects", link: "/dashboard/projects" },
  "project.milestoneCompleted": { category: "projects", link: "/dashboard/projects" },
  "project.deliverableAdded": { category: "projects", link: "/dashboard/projects" },
  "projectRequest.inReview": { category: "projects", link: "/dashboard/projects/requests" },
  "projectRequest.converted": { category: "projects", link: "/dashboard/projects/requests" },
  "projectRequest.declined": { category: "projects", link: "/dashboard/projects/requests" },
  "message.received": { category: "messages", link: "/dashboard/messages" },
  "staff.messageReceived": { category: "messages", link: "/admin/messages" },
  "staff.projectRequestSubmitted": { category: "projects", link: "/admin/requests" },
  "staff.projectRated": { category: "projects", link: "/admin/projects" },
  "invoice.issued": { category: "billing", link: "/dashboard/invoices" },
  "invoice.paid": { category: "billing", link: "/dashboard/invoices" },
  "invoice.voided": { category: "billing", link: "/dashboard/invoices" },
  "payment.failed": { category: "billing", link: "/dashboard/invoices" },
  "subscription.started": { category: "billing", link: "/dashboard/billing" },
  "subscription.planChanged": { category: "billing", link: "/dashboard/billing" },
  "subscription.cancelScheduled": { category: "billing", link: "/dashboard/billing" },
  "subscription.reactivated": { category: "billing", link: "/dashboard/billing" },
  "subscription.pastDue": { category: "billing", link: "/dashboard/billing" },
  "subscription.ended": { category: "billing", link: "/dashboard/billing" },
  "usage.warning": { category: "billing", link: "/dashboard/billing" },
  "usage.limitReached": { category: "billing", link: "/dashboard/billing" },
  "staff.paymentReceived": { category: "billing", link: "/admin/invoices" },
  "agentRequest.approved": { category: "calls", link: "/dashboard/agents" },
  "agentRequest.declined": { category: "calls", link: "/dashboard/agents" },
  "callRequest.completed": { category: "calls", link: "/dashboard/calls" },
  "staff.agentRequestSubmitted": { category: "calls", link: "/admin/agent-requests" },
  "staff.lowSatisfactionCall": { category: "calls", link: "/admin/calls" },
} as const satisfies Record<string, { category: NotificationCategory; link: string }>;

export type NotificationType = keyof typeof notificationTypes;

export function isNotificationType(type: string): type is NotificationType {
  return Object.hasOwn(notificationTypes, type);
}
