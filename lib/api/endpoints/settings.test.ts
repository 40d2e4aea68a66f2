import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as getSettings } from "@/app/api/v1/settings/route";
import { GET as getCallSettings, PATCH as patchCalls } from "@/app/api/v1/settings/calls/route";
import { PATCH as patchNotifications } from "@/app/api/v1/settings/notifications/route";
import { PATCH as patchPreferences } from "@/app/api/v1/settings/preferences/route";
import { PATCH as patchPrivacy } from "@/app/api/v1/settings/privacy/route";
import { getCallPreferences } from "@/db/queries/call-preferences";
import { getNotificationPreferences, type NotificationPreferences } from "@/db/queries/notifications";
import { getActiveSessionUser } from "@/db/queries/sessions";
import { getPrivacySettings } from "@/db/queries/users";
import { auditLog } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { callApi, testApiToken } from "@/db/testing/api";
import { settingsEndpoints } from "./settings";

const db = setupTestDatabase();

function everyChannel(on: boolean): NotificationPreferences {
  const channels = { inApp: on, email: on, sms: on };
  return { account: channels, projects: channels, messages: channels, billing: channels, calls: channels, marketing: channels };
}

const preferences = { theme: "dark", locale: "de", timeZone: "Asia/Calcutta", dateFormat: "ymd", timeFormat: "h24", dashboardDensity: "compact" } as const;
const callPreferences = { recordingConsent: true, autoRecord: true, aiAssistance: false, callQuality: "hd", noiseCancellation: false, autoAnswer: true } as const;

describe("the settings API", () => {
  it("reads every group as the settings pages show them", async () => {
    const customer = await signedInUser("customer", "api-settings");
    const { status, json } = await callApi(getSettings, settingsEndpoints.get, { token: await testApiToken(customer, ["settings:read"]) });
    expect(status).toBe(200);
    expect(json).toEqual({
      preferences: { theme: customer.theme, locale: customer.locale, timeZone: customer.timeZone, dateFormat: customer.dateFormat, timeFormat: customer.timeFormat, dashboardDensity: customer.dashboardDensity },
      notifications: await getNotificationPreferences(customer.id),
      privacy: await getPrivacySettings(customer.id),
      smsAvailable: false,
    });
  });

  it("saves preferences with the form's validation, and the next request sees them", async () => {
    const customer = await signedInUser("customer", "api-preferences");
    const token = await testApiToken(customer, ["settings:write"]);
    const saved = await callApi(patchPreferences, settingsEndpoints.updatePreferences, { token, body: preferences });
    expect(saved.status).toBe(200);
    // Stored under the zone's current name, as the form does.
    expect(saved.json).toEqual({ ...preferences, timeZone: "Asia/Kolkata" });
    const again = await getActiveSessionUser(customer.sessionId);
    expect(again).toMatchObject({ theme: "dark", locale: "de", timeZone: "Asia/Kolkata", dateFormat: "ymd", timeFormat: "h24", dashboardDensity: "compact" });
    expect((await callApi(getSettings, settingsEndpoints.get, { token })).json.preferences.timeZone).toBe("Asia/Kolkata");

    const bad = await callApi(patchPreferences, settingsEndpoints.updatePreferences, { token, body: { ...preferences, timeZone: "Mars/Olympus", theme: "neon" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toEqual({ theme: "Choose a theme.", timeZone: "Choose a time zone from the list." });
    const partial = await callApi(patchPreferences, settingsEndpoints.updatePreferences, { token, body: { theme: "light" } });
    expect(partial.status).toBe(400);
    expect(partial.json.error.fields).toHaveProperty("locale");
  });

  it("saves the notification grid through the service's rules: account stays in-app, no SMS without a provider", async () => {
    const customer = await signedInUser("customer", "api-channels");
    const token = await testApiToken(customer, ["settings:write"]);
    const { status, json } = await callApi(patchNotifications, settingsEndpoints.updateNotifications, { token, body: everyChannel(false) });
    expect(status).toBe(200);
    expect(json).toEqual({ ...everyChannel(false), account: { inApp: true, email: false, sms: false } });
    expect(await getNotificationPreferences(customer.id)).toEqual(json);
    const on = await callApi(patchNotifications, settingsEndpoints.updateNotifications, { token, body: everyChannel(true) });
    expect(on.json.billing).toEqual({ inApp: true, email: true, sms: false });

    const { marketing: _, ...missing } = everyChannel(true);
    const bad = await callApi(patchNotifications, settingsEndpoints.updateNotifications, { token, body: { ...missing, billing: { inApp: "yes", email: true, sms: false } } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(["billing.inApp", "marketing"]);
  });

  it("saves privacy choices with an audit row, and a read token cannot", async () => {
    const customer = await signedInUser("customer", "api-privacy");
    const reader = await testApiToken(customer, ["settings:read"]);
    const refused = await callApi(patchPrivacy, settingsEndpoints.updatePrivacy, { token: reader, body: { profileVisibleToStaff: false, dataSharing: true } });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe("insufficient_scope");

    const token = await testApiToken(customer, ["settings:write"]);
    const saved = await callApi(patchPrivacy, settingsEndpoints.updatePrivacy, { token, body: { profileVisibleToStaff: false, dataSharing: true } });
    expect(saved.status).toBe(200);
    expect(saved.json).toEqual({ profileVisibleToStaff: false, dataSharing: true });
    expect(await getPrivacySettings(customer.id)).toEqual(saved.json);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.targetUserId, customer.id), eq(auditLog.action, "user.privacy_updated")))).toHaveLength(1);
    const bad = await callApi(patchPrivacy, settingsEndpoints.updatePrivacy, { token, body: { profileVisibleToStaff: "on" } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(["dataSharing", "profileVisibleToStaff"]);
  });

  it("keeps call preferences under the calls scopes and the account's consent rule", async () => {
    const customer = await signedInUser("customer", "api-call-settings");
    const settingsOnly = await testApiToken(customer, ["settings:write"]);
    expect((await callApi(getCallSettings, settingsEndpoints.getCalls, { token: settingsOnly })).status).toBe(403);
    const reader = await testApiToken(customer, ["calls:read"]);
    expect((await callApi(getCallSettings, settingsEndpoints.getCalls, { token: reader })).json).toEqual(await getCallPreferences(customer.accountId!));
    expect((await callApi(patchCalls, settingsEndpoints.updateCalls, { token: reader, body: callPreferences })).status).toBe(403);

    const token = await testApiToken(customer, ["calls:write"]);
    const noConsent = await callApi(patchCalls, settingsEndpoints.updateCalls, { token, body: { ...callPreferences, recordingConsent: false } });
    expect(noConsent.status).toBe(400);
    expect(noConsent.json.error.fields).toHaveProperty("autoRecord");
    const saved = await callApi(patchCalls, settingsEndpoints.updateCalls, { token, body: callPreferences });
    expect(saved.status).toBe(200);
    expect(saved.json).toEqual(callPreferences);
    expect(await getCallPreferences(customer.accountId!)).toEqual(callPreferences);

    // Another customer's account is untouched.
    const other = await signedInUser("customer", "api-call-settings-other");
    expect((await callApi(getCallSettings, settingsEndpoints.getCalls, { token: await testApiToken(other, ["calls:read"]) })).json.autoAnswer).toBe(false);
  });
});
