import type { NotificationCategory, NotificationChannel } from "@/lib/constants";

export type ChannelChoice = { inApp: boolean; email: boolean; sms: boolean };

/**
 * Account and security notices (a new sign-in, a changed password) always appear in-app: they are
 * how a user learns that someone else is in their account, so no setting may silence them there.
 */
export const inAppRequired: readonly NotificationCategory[] = ["account"];

/** A category the user never changed: in-app and email on, SMS off; marketing is opt-in on every channel. */
export function defaultChannels(category: NotificationCategory): ChannelChoice {
  const optIn = category === "marketing";
  return { inApp: !optIn, email: !optIn, sms: false };
}

/** The form field of one category's channel, e.g. "billing.email". */
export function channelField(category: NotificationCategory, channel: NotificationChannel): string {
  return `${category}.${channel}`;
}
