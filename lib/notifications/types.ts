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
} as const satisfies Record<string, { category: NotificationCategory; link: string }>;

export type NotificationType = keyof typeof notificationTypes;

export function isNotificationType(type: string): type is NotificationType {
  return Object.hasOwn(notificationTypes, type);
}
