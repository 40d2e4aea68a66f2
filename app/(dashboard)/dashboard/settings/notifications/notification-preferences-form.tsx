"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import type { NotificationPreferences } from "@/db/queries/notifications";
import { notificationCategories, notificationChannels } from "@/lib/constants";
import { channelField, inAppRequired } from "@/lib/notifications/channels";
import { updateNotificationPreferencesAction } from "./actions";

/** A table of checkboxes: one row per category, one column per channel (in-app, email, SMS). */
export function NotificationPreferencesForm({ preferences, smsAvailable }: { preferences: NotificationPreferences; smsAvailable: boolean }) {
  const t = useTranslations("settings.notifications");
  const [state, action] = useActionState(updateNotificationPreferencesAction, initialActionState);
  return (
    <form action={action} className="mt-5 space-y-5">
      <FormMessage state={state} />
      <div className="overflow-x-auto rounded-lg border border-border">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="bg-surface-muted text-fg-muted">
            <tr>
              <th scope="col" className="px-3 py-2 text-start font-medium">
                {t("category")}
              </th>
              {notificationChannels.map((channel) => (
                <th key={channel} scope="col" className="w-16 px-2 py-2 text-center font-medium sm:w-24">
                  {t(`channels.${channel}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {notificationCategories.map((category) => (
              <tr key={category}>
                <th scope="row" className="px-3 py-3 text-start font-normal">
                  {t(`categories.${category}`)}
                </th>
                {notificationChannels.map((channel) => {
                  const required = channel === "inApp" && inAppRequired.includes(category);
                  const unavailable = channel === "sms" && !smsAvailable;
                  return (
                    <td key={channel} className="px-2 py-3 text-center">
                      <input
                        type="checkbox"
                        name={channelField(category, channel)}
                        aria-label={t("channelFor", { channel: t(`channels.${channel}`), category: t(`categories.${category}`) })}
                        aria-describedby={required ? "notifications-required-note" : unavailable ? "notifications-sms-note" : undefined}
                        defaultChecked={required || (!unavailable && preferences[category][channel])}
                        disabled={required || unavailable}
                        className="size-5 accent-primary focus-visible:outline-2 focus-visible:outline-focus disabled:opacity-60"
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="space-y-1 text-13 text-fg-muted">
        <p id="notifications-required-note">{t("requiredNote")}</p>
        {smsAvailable ? null : <p id="notifications-sms-note">{t("smsUnavailable")}</p>}
      </div>
      <div className="flex justify-end border-t border-border pt-5">
        <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
