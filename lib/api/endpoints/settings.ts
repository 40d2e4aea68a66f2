import { z } from "zod";
import { callQualities, dashboardDensities, dateFormats, locales, notificationCategories, themes, timeFormats } from "@/lib/constants";
import { preferencesSchema } from "@/lib/validations/settings";
import { defineEndpoint } from "../endpoint";

const WHOLE_GROUP = "Send the whole group, as the settings page's form does: every field is required and replaces the saved value (a field left out is refused, never kept).";

export const preferencesResponseSchema = z
  .object({
    theme: z.enum(themes),
    locale: z.enum(locales),
    timeZone: z.string().meta({ description: "An IANA time zone, stored under its current name.", example: "Europe/Berlin" }),
    dateFormat: z.enum(dateFormats),
    timeFormat: z.enum(timeFormats),
    dashboardDensity: z.enum(dashboardDensities),
  })
  .meta({ id: "Preferences" });

export const preferencesBodySchema = preferencesSchema.meta({ id: "PreferencesUpdate" });

const channelChoiceSchema = z.object({ inApp: z.boolean(), email: z.boolean(), sms: z.boolean() }).strict();

export const notificationPreferencesApiSchema = z
  .object(Object.fromEntries(notificationCategories.map((category) => [category, channelChoiceSchema])) as Record<(typeof notificationCategories)[number], typeof channelChoiceSchema>)
  .strict()
  .meta({
    id: "NotificationPreferences",
    description: "Per category, the channels it reaches the user on. In-app stays on for `account` (security notices), and SMS stays off while no SMS provider is configured.",
  });

export const privacySettingsSchema = z
  .object({
    profileVisibleToStaff: z.boolean().meta({ description: "Staff may see the phone number, company, job title, address and photo (name, email and account they always see)." }),
    dataSharing: z.boolean().meta({ description: "The call platform may use the account's calls to improve call handling; for a company account only the owner's choice counts." }),
  })
  .strict()
  .meta({ id: "PrivacySettings" });

export const callPreferencesApiSchema = z
  .object({
    recordingConsent: z.boolean().meta({ description: "The account consents to calls being recorded." }),
    autoRecord: z.boolean().meta({ description: "Record every call; needs `recordingConsent`." }),
    aiAssistance: z.boolean(),
    callQuality: z.enum(callQualities),
    noiseCancellation: z.boolean(),
    autoAnswer: z.boolean(),
  })
  .strict()
  .meta({ id: "CallPreferences", description: "The customer account's call preferences (shared by its members)." });

export const settingsSchema = z
  .object({
    preferences: preferencesResponseSchema,
    notifications: notificationPreferencesApiSchema,
    privacy: privacySettingsSchema,
    smsAvailable: z.boolean().meta({ description: "Whether an SMS provider is configured, i.e. whether `sms` channels can be turned on." }),
  })
  .meta({ id: "Settings" });

export const settingsEndpoints = {
  get: defineEndpoint({
    method: "GET",
    path: "/settings",
    operationId: "getSettings",
    tag: "Settings",
    summary: "Every settings group",
    description: "Preferences, notification channels and privacy choices of the token's user. Call preferences belong to calls: `GET /settings/calls`.",
    scope: "settings:read",
    etag: true,
    responses: { 200: { description: "The settings.", schema: settingsSchema } },
  }),
  updatePreferences: defineEndpoint({
    method: "PATCH",
    path: "/settings/preferences",
    operationId: "updatePreferences",
    tag: "Settings",
    summary: "Change theme, language, time zone, date and time format and density",
    description: WHOLE_GROUP,
    scope: "settings:write",
    body: preferencesBodySchema,
    responses: { 200: { description: "The preferences as saved.", schema: preferencesResponseSchema } },
  }),
  updateNotifications: defineEndpoint({
    method: "PATCH",
    path: "/settings/notifications",
    operationId: "updateNotificationPreferences",
    tag: "Settings",
    summary: "Change which notifications reach the user, per category and channel",
    description: `${WHOLE_GROUP} The answer shows what was stored: in-app stays on for \`account\`, SMS off without an SMS provider.`,
    scope: "settings:write",
    body: notificationPreferencesApiSchema,
    responses: { 200: { description: "The channels as saved.", schema: notificationPreferencesApiSchema } },
  }),
  updatePrivacy: defineEndpoint({
    method: "PATCH",
    path: "/settings/privacy",
    operationId: "updatePrivacy",
    tag: "Settings",
    summary: "Change the privacy choices",
    description: WHOLE_GROUP,
    scope: "settings:write",
    body: privacySettingsSchema,
    responses: { 200: { description: "The privacy choices as saved.", schema: privacySettingsSchema } },
  }),
  getCalls: defineEndpoint({
    method: "GET",
    path: "/settings/calls",
    operationId: "getCallPreferences",
    tag: "Settings",
    summary: "The account's call preferences",
    scope: "calls:read",
    etag: true,
    responses: { 200: { description: "The call preferences.", schema: callPreferencesApiSchema } },
  }),
  updateCalls: defineEndpoint({
    method: "PATCH",
    path: "/settings/calls",
    operationId: "updateCallPreferences",
    tag: "Settings",
    summary: "Change the account's call preferences",
    description: `${WHOLE_GROUP} \`autoRecord\` without \`recordingConsent\` is refused (400).`,
    scope: "calls:write",
    body: callPreferencesApiSchema,
    responses: { 200: { description: "The call preferences as saved.", schema: callPreferencesApiSchema } },
  }),
};
