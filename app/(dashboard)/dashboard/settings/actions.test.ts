import { and, eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getNotificationPreferences } from "@/db/queries/notifications";
import type { SessionUser } from "@/db/queries/sessions";
import { adminGetUserContactDetails, getPrivacySettings } from "@/db/queries/users";
import { auditLog, users, userSettings } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import messages from "@/lib/i18n/messages/en.json";
import { getSessionUser } from "@/lib/session";
import { updatePreferencesAction } from "./actions";
import { updateNotificationPreferencesAction } from "./notifications/actions";
import { updatePrivacyAction } from "./privacy/actions";

vi.mock("@/lib/session", () => ({ getSessionUser: vi.fn(), STAFF_TWO_FACTOR_PATH: "/admin/two-factor" }));
vi.mock("@/lib/preferences-cookie", () => ({ rememberPreferences: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), refresh: vi.fn() }));
vi.mock("next-intl/server", () => ({
  getTranslations: async (options?: string | { namespace?: string }) =>
    createTranslator({ locale: "en", messages, namespace: (typeof options === "string" ? options : options?.namespace) as never }),
}));

const db = setupTestDatabase();

let user: SessionUser;
let bystander: SessionUser;
beforeEach(async () => {
  user = await signedInUser("customer", "settings");
  bystander = await signedInUser("customer", "bystander");
  vi.mocked(getSessionUser).mockResolvedValue(user);
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

async function savedPreferences(userId: string) {
  const [row] = await db()
    .select({
      theme: userSettings.theme,
      locale: userSettings.locale,
      timeZone: userSettings.timeZone,
      dateFormat: userSettings.dateFormat,
      timeFormat: userSettings.timeFormat,
      dashboardDensity: userSettings.dashboardDensity,
    })
    .from(userSettings)
    .where(eq(userSettings.userId, userId));
  return row;
}

const validPreferences = { theme: "dark", locale: "de", timeZone: "Asia/Calcutta", dateFormat: "ymd", timeFormat: "h24", dashboardDensity: "compact" };

describe("preferences", () => {
  it("saves theme, language, time zone, date format, clock and density, and leaves another user's alone", async () => {
    const before = await savedPreferences(bystander.id);
    const state = await updatePreferencesAction({ ok: false }, form(validPreferences));
    expect(state).toMatchObject({ ok: true });
    expect(await savedPreferences(user.id)).toEqual({ ...validPreferences, timeZone: "Asia/Kolkata" });
    expect(await savedPreferences(bystander.id)).toEqual(before);

    await updatePreferencesAction({ ok: false }, form({ ...validPreferences, theme: "light", dateFormat: "dmy", timeFormat: "h12", dashboardDensity: "detailed" }));
    expect(await savedPreferences(user.id)).toMatchObject({ theme: "light", dateFormat: "dmy", timeFormat: "h12", dashboardDensity: "detailed" });
  });

  it.each([
    ["theme", "neon", messages.validation.themeInvalid],
    ["locale", "fr", messages.validation.localeInvalid],
    ["timeZone", "Mars/Olympus_Mons", messages.validation.timeZoneInvalid],
    ["dateFormat", "iso", messages.settings.validation.dateFormatInvalid],
    ["timeFormat", "h25", messages.settings.validation.timeFormatInvalid],
    ["dashboardDensity", "cosy", messages.settings.validation.densityInvalid],
  ])("refuses an invalid %s with a message next to the field, saving nothing", async (field, value, message) => {
    const before = await savedPreferences(user.id);
    const state = await updatePreferencesAction({ ok: false }, form({ ...validPreferences, [field]: value }));
    expect(state.ok).toBe(false);
    expect(state.fieldErrors).toEqual({ [field]: message });
    expect(state.values?.[field]).toBe(value);
    expect(await savedPreferences(user.id)).toEqual(before);
  });
});

describe("notification preferences", () => {
  it("saves each category's in-app and email switches, and leaves another user's alone", async () => {
    const state = await updateNotificationPreferencesAction(
      { ok: false },
      form({ "account.email": "on", "projects.email": "on", "messages.inApp": "on", "billing.inApp": "on", "billing.email": "on", "calls.inApp": "on", "marketing.email": "on" }),
    );
    expect(state).toMatchObject({ ok: true, message: messages.settings.notifications.saved });
    expect(await getNotificationPreferences(user.id)).toEqual({
      // Account notices stay in-app whatever is sent; SMS stays off without a provider.
      account: { inApp: true, email: true, sms: false },
      projects: { inApp: false, email: true, sms: false },
      messages: { inApp: true, email: false, sms: false },
      billing: { inApp: true, email: true, sms: false },
      calls: { inApp: true, email: false, sms: false },
      marketing: { inApp: false, email: true, sms: false },
    });
    expect((await getNotificationPreferences(bystander.id)).projects).toEqual({ inApp: true, email: true, sms: false });
  });

  it("refuses a switch with a value no checkbox sends, saving nothing", async () => {
    const state = await updateNotificationPreferencesAction({ ok: false }, form({ "billing.email": "yes" }));
    expect(state).toMatchObject({ ok: false, fieldErrors: { "billing.email": messages.validation.invalid } });
    expect((await getNotificationPreferences(user.id)).billing).toEqual({ inApp: true, email: true, sms: false });
  });
});

describe("privacy", () => {
  async function privacyAudits(userId: string) {
    return db()
      .select({ metadata: auditLog.metadata })
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.privacy_updated"), eq(auditLog.actorId, userId)));
  }

  it("starts with contact details visible to staff and no data sharing", async () => {
    expect(await getPrivacySettings(user.id)).toEqual({ profileVisibleToStaff: true, dataSharing: false });
  });

  it("saves both choices with an audit row naming what changed, and leaves another user's alone", async () => {
    const state = await updatePrivacyAction({ ok: false }, form({ dataSharing: "on" }));
    expect(state).toMatchObject({ ok: true, message: messages.settings.privacy.saved });
    expect(await getPrivacySettings(user.id)).toEqual({ profileVisibleToStaff: false, dataSharing: true });
    expect(await getPrivacySettings(bystander.id)).toEqual({ profileVisibleToStaff: true, dataSharing: false });
    expect(await privacyAudits(user.id)).toEqual([{ metadata: { changed: "profileVisibleToStaff,dataSharing", profileVisibleToStaff: false, dataSharing: true } }]);

    const again = await updatePrivacyAction({ ok: false }, form({ dataSharing: "on" }));
    expect(again).toMatchObject({ ok: true, message: messages.settings.privacy.unchanged });
    expect(await privacyAudits(user.id)).toHaveLength(1);
  });

  it("hides the phone, company, job title, address and avatar from staff while visibility is off", async () => {
    await db().update(users).set({ phone: "+4930123456", company: "Acme", jobTitle: "CTO", address: "Main St 1" }).where(eq(users.id, user.id));
    expect(await adminGetUserContactDetails(user.id)).toEqual({ phone: "+4930123456", company: "Acme", jobTitle: "CTO", address: "Main St 1", avatarFileId: null });
    await updatePrivacyAction({ ok: false }, form({}));
    expect(await adminGetUserContactDetails(user.id)).toBeNull();
    expect(await adminGetUserContactDetails(bystander.id)).not.toBeNull();
  });

  it("refuses a value no checkbox sends, saving nothing", async () => {
    const state = await updatePrivacyAction({ ok: false }, form({ profileVisibleToStaff: "off" }));
    expect(state).toMatchObject({ ok: false, fieldErrors: { profileVisibleToStaff: messages.validation.invalid } });
    expect(await getPrivacySettings(user.id)).toEqual({ profileVisibleToStaff: true, dataSharing: false });
    expect(await privacyAudits(user.id)).toEqual([]);
  });
});
