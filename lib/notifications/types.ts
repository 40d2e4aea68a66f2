import type { NotificationCategory } from "@/lib/constants";

/**
 * Every kind of notification: its category (which email preference governs it) and the page it
 * leads to. Its text lives under `notifications.types.<type>` in the message files.
 */
export const notificationTypes = {
  "security.newSignIn": { category: "account", link: "/dashboard/security" },
  "security.passwordChanged": { category: "account", link: "/dashboard/security" },
  "security.sessionsRevokedByStaff": { category: "account", link: "/dashboard/security" },
  "security.twoFactorEnabled": { category: "account", link: "/dashboard/security" },
  "security.twoFactorDisabled": { category: "account", link: "/dashboard/security" },
  "security.twoFactorLocked": { category: "account", link: "/dashboard/security" },
  "security.twoFactorResetByStaff": { category: "account", link: "/dashboard/security" },
  "account.emailChanged": { category: "account", link: "/dashboard/profile" },
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
} as const satisfies Record<string, { category: NotificationCategory; link: string }>;

export type NotificationType = keyof typeof notificationTypes;

export function isNotificationType(type: string): type is NotificationType {
  return Object.hasOwn(notificationTypes, type);
}
