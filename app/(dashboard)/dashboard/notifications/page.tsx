import { BellOff } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { Page } from "@/components/page";
import { ButtonLink } from "@/components/ui/button";
import { countUnreadNotifications, listNotifications } from "@/db/queries/notifications";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { decodeNotificationCursor, encodeNotificationCursor } from "@/lib/notifications/cursor";
import { describeNotification } from "@/lib/notifications/text";
import { requireUser } from "@/lib/session";
import { notificationsSearchSchema } from "@/lib/validations/notifications";
import { MarkAllReadForm, NotificationList } from "./notification-list";

const PAGE_SIZE = 20;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("notifications") };
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { order, after } = notificationsSearchSchema.parse(await searchParams);
  const cursor = decodeNotificationCursor(after);
  const [t, dates, page, unread] = await Promise.all([
    getTranslations("notifications"),
    getDateFormatter(),
    listNotifications(user.id, { order, cursor, limit: PAGE_SIZE }),
    countUnreadNotifications(user.id),
  ]);
  const items = page.rows.map((row) => ({
    id: row.id,
    ...describeNotification(t, row, dates),
    link: row.link,
    unread: !row.readAt,
    time: dates.dateTime(row.createdAt),
    dateTime: row.createdAt.toISOString(),
  }));
  const orderHref = (value: "newest" | "unread") => (value === "newest" ? "/dashboard/notifications" : "/dashboard/notifications?order=unread");
  const olderHref = page.next ? `${orderHref(order)}${order === "unread" ? "&" : "?"}after=${encodeNotificationCursor(page.next)}` : null;

  return (
    <Page
      title={t("title")}
      description={t("description", { count: unread })}
      actions={
        <ClientMessages namespaces={["notifications"]}>
          <MarkAllReadForm unread={unread} />
        </ClientMessages>
      }
    >
      <nav aria-label={t("orderLabel")} className="mb-4 inline-flex rounded-lg border border-border bg-surface p-1">
        {(["newest", "unread"] as const).map((value) => (
          <Link
            key={value}
            href={orderHref(value)}
            aria-current={order === value ? "page" : undefined}
            className={`rounded-md border px-3 py-1.5 text-sm font-medium ${order === value ? "border-primary bg-primary-soft text-primary" : "border-transparent text-fg-muted hover:text-fg"}`}
          >
            {t(`orders.${value}`)}
          </Link>
        ))}
      </nav>
      {items.length === 0 ? (
        cursor ? (
          <EmptyState icon={BellOff} title={t("endTitle")} description={t("endText")}>
            <ButtonLink href={orderHref(order)} variant="secondary">
              {t("backToStart")}
            </ButtonLink>
          </EmptyState>
        ) : (
          <EmptyState icon={BellOff} title={t("emptyTitle")} description={t("emptyText")} />
        )
      ) : (
        <ClientMessages namespaces={["notifications"]}>
          <NotificationList items={items} label={t("listLabel")} />
        </ClientMessages>
      )}
      {items.length > 0 && (olderHref || cursor) ? (
        <nav aria-label={t("pagination")} className="mt-4 flex flex-wrap justify-between gap-2">
          {cursor ? (
            <ButtonLink href={orderHref(order)} variant="secondary">
              {t("backToStart")}
            </ButtonLink>
          ) : (
            <span />
          )}
          {olderHref ? (
            <ButtonLink href={olderHref} variant="secondary">
              {t("older")}
            </ButtonLink>
          ) : null}
        </nav>
      ) : null}
    </Page>
  );
}
