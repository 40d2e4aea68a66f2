"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { markAllNotificationsReadAction, markNotificationReadAction } from "./actions";

export type NotificationItem = { id: string; title: string; body: string; link: string | null; unread: boolean; time: string; dateTime: string };

/** "Mark all as read", for the page header; hidden when nothing is unread. */
export function MarkAllReadForm({ unread }: { unread: number }) {
  const t = useTranslations("notifications");
  const [state, action] = useActionState(markAllNotificationsReadAction, initialActionState);
  return (
    <form action={action} className="flex flex-col items-end gap-2">
      {unread > 0 ? (
        <SubmitButton variant="secondary" pendingLabel={t("marking")}>
          {t("markAllRead")}
        </SubmitButton>
      ) : null}
      <FormMessage state={state} />
    </form>
  );
}

/**
 * The list is one form: each unread row's button names its notification. The outcome shows above
 * the list and stays after the row has changed.
 */
export function NotificationList({ items, label }: { items: NotificationItem[]; label: string }) {
  const t = useTranslations("notifications");
  const [state, action] = useActionState(markNotificationReadAction, initialActionState);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <ul aria-label={label} className="divide-y divide-border rounded-xl border border-border bg-surface">
        {items.map((item) => (
          <li key={item.id} className={`flex flex-wrap items-start justify-between gap-x-3 gap-y-2 px-4 py-4 sm:flex-nowrap sm:px-5 ${item.unread ? "bg-primary-soft/60" : ""}`}>
            <div className="flex min-w-0 basis-full items-start gap-3 sm:basis-auto sm:flex-1">
              <span aria-hidden className={`mt-2 size-2 shrink-0 rounded-full ${item.unread ? "bg-primary" : "bg-transparent"}`} />
              <div className="min-w-0">
                <p className={item.unread ? "font-semibold" : "font-medium"} id={`notification-${item.id}`}>
                  {item.unread ? <span className="sr-only">{t("unreadPrefix")} </span> : null}
                  {item.link ? (
                    <Link href={item.link} className="text-primary underline-offset-4 hover:underline">
                      {item.title}
                    </Link>
                  ) : (
                    item.title
                  )}
                </p>
                <p className="mt-0.5 text-fg-muted">{item.body}</p>
                <p className="mt-1 text-13 text-fg-muted">
                  <time dateTime={item.dateTime}>{item.time}</time>
                </p>
              </div>
            </div>
            {item.unread ? (
              <SubmitButton variant="secondary" className="ms-5 sm:ms-0" name="notificationId" value={item.id} pendingLabel={t("marking")} describedBy={`notification-${item.id}`}>
                {t("markRead")}
              </SubmitButton>
            ) : null}
          </li>
        ))}
      </ul>
    </form>
  );
}
