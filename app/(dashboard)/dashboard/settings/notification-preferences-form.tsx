"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import type { NotificationPreferences } from "@/db/queries/notifications";
import { notificationCategories } from "@/lib/constants";
import { updateNotificationPreferencesAction } from "./actions";

/** One checkbox per category: whether its notifications also come by email. */
export function NotificationPreferencesForm({ preferences }: { preferences: NotificationPreferences }) {
  const t = useTranslations("settings.notifications");
  const [state, action] = useActionState(updateNotificationPreferencesAction, initialActionState);
  return (
    <form action={action} className="mt-5 space-y-5">
      <FormMessage state={state} />
      <fieldset>
        <legend className="sr-only">{t("title")}</legend>
        <ul className="divide-y divide-border rounded-lg border border-border">
          {notificationCategories.map((category) => (
            <li key={category}>
              <label className="flex min-h-12 cursor-pointer items-center justify-between gap-4 px-4 py-3">
                <span>{t(`categories.${category}`)}</span>
                <input type="checkbox" name={category} defaultChecked={preferences[category].email} className="size-5 accent-primary" />
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="flex justify-end border-t border-border pt-5">
        <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
