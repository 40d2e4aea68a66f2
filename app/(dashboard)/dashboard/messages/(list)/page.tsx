import { Inbox, Search, Send } from "lucide-react";
import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { KeysetPager } from "@/components/keyset-pager";
import { Page } from "@/components/page";
import { Badge } from "@/components/ui/badge";
import { buttonClass, ButtonLink } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { countUnreadThreads, listThreads } from "@/db/queries/messages";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { threadsSearchSchema } from "@/lib/validations/messages";
import { requireCustomer } from "../customer";
import { threadsHref, type ThreadListParams } from "../href";

const PAGE_SIZE = 20;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("messaging"))("title") };
}

export default async function MessagesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireCustomer("/admin/messages");
  const params = threadsSearchSchema.parse(await searchParams);
  const list: ThreadListParams = { box: params.box, query: params.query };
  const after = decodeCursor(params.after);
  const before = after ? null : decodeCursor(params.before);
  const [t, dates, page, unread] = await Promise.all([
    getTranslations("messaging"),
    getDateFormatter(),
    listThreads(user.accountId, user.id, list, { after, before, limit: PAGE_SIZE }),
    countUnreadThreads(user.id, user.accountId),
  ]);
  const paged = Boolean(after || before);

  return (
    <Page title={t("title")} description={t("description")} actions={<ButtonLink href="/dashboard/messages/new">{t("newThread")}</ButtonLink>}>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <nav aria-label={t("boxLabel")} className="inline-flex rounded-lg border border-border bg-surface p-1">
          {(["inbox", "sent"] as const).map((box) => (
            <Link
              key={box}
              href={threadsHref({ box, query: "" })}
              prefetch={false}
              aria-current={params.box === box ? "page" : undefined}
              className={`inline-flex items-center gap-2 rounded-md border px-3 py-1.5 text-sm font-medium ${params.box === box ? "border-primary bg-primary-soft text-primary" : "border-transparent text-fg-muted hover:text-fg"}`}
            >
              {t(`boxes.${box}`)}
              {box === "inbox" && unread > 0 ? (
                <>
                  <span aria-hidden className="rounded-full bg-primary px-1.5 text-xs leading-5 text-primary-fg">
                    {unread}
                  </span>
                  <span className="sr-only">{t("unreadInBox", { count: unread })}</span>
                </>
              ) : null}
            </Link>
          ))}
        </nav>
        <Form action="/dashboard/messages" role="search" className="flex w-full gap-2 sm:w-auto sm:min-w-80">
          {params.box === "inbox" ? null : <input type="hidden" name="box" value={params.box} />}
          <label htmlFor="message-search" className="sr-only">
            {t("searchLabel")}
          </label>
          <input id="message-search" name="query" type="search" defaultValue={params.query} placeholder={t("searchPlaceholder")} className={inputClass} />
          <button type="submit" className={buttonClass("secondary", "px-3")} aria-label={t("search")}>
            <Search aria-hidden className="size-4" />
          </button>
        </Form>
      </div>

      {page.rows.length === 0 ? (
        paged ? (
          <EmptyState icon={Inbox} title={t("endTitle")} description={t("endText")}>
            <ButtonLink href={threadsHref(list)} variant="secondary">
              {t("backToNewest")}
            </ButtonLink>
          </EmptyState>
        ) : params.query ? (
          <EmptyState icon={Search} title={t("noMatchTitle", { query: params.query })} description={t("noMatchText")}>
            <ButtonLink href={threadsHref({ box: params.box, query: "" })} variant="secondary">
              {t("clearSearch")}
            </ButtonLink>
          </EmptyState>
        ) : params.box === "inbox" ? (
          <EmptyState icon={Inbox} title={t("emptyInboxTitle")} description={t("emptyInboxText")}>
            <ButtonLink href="/dashboard/messages/new">{t("newThread")}</ButtonLink>
          </EmptyState>
        ) : (
          <EmptyState icon={Send} title={t("emptySentTitle")} description={t("emptySentText")}>
            <ButtonLink href="/dashboard/messages/new">{t("newThread")}</ButtonLink>
          </EmptyState>
        )
      ) : (
        <ul aria-label={t("listLabel")} className="divide-y divide-border overflow-hidden rounded-xl border border-border bg-surface shadow-card">
          {page.rows.map((thread) => (
            <li key={thread.id} className={thread.unread ? "bg-primary-soft/40" : undefined}>
              <Link href={`/dashboard/messages/${thread.id}`} prefetch={false} className="flex gap-3 px-4 py-3 hover:bg-surface-muted/60 sm:px-5">
                <span aria-hidden className={`mt-2 size-2 shrink-0 rounded-full ${thread.unread ? "bg-primary" : "bg-transparent"}`} />
                <span className="min-w-0 flex-1">
                  <span className="flex flex-wrap items-baseline justify-between gap-x-3">
                    <span className={`min-w-0 break-words ${thread.unread ? "font-semibold" : "font-medium"}`}>
                      {thread.unread ? <span className="sr-only">{t("unread")}: </span> : null}
                      {thread.subject}
                    </span>
                    <time dateTime={thread.lastMessageAt.toISOString()} className="shrink-0 text-13 text-fg-muted">
                      {dates.dateTime(thread.lastMessageAt)}
                    </time>
                  </span>
                  {thread.preview ? <span className="mt-0.5 block truncate text-fg-muted">{thread.preview}</span> : null}
                  {thread.projectName || thread.status === "closed" ? (
                    <span className="mt-1.5 flex flex-wrap gap-1.5">
                      {thread.projectName ? <Badge>{t("aboutProject", { name: thread.projectName })}</Badge> : null}
                      {thread.status === "closed" ? <Badge>{t("statuses.closed")}</Badge> : null}
                    </span>
                  ) : null}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {page.rows.length > 0 && (page.newer || page.older) ? (
        <div className="mt-4">
          <KeysetPager
            label={t("pagination")}
            newer={{ label: t("newer"), href: page.newer ? threadsHref(list, { before: encodeCursor(page.newer) }) : null }}
            older={{ label: t("older"), href: page.older ? threadsHref(list, { after: encodeCursor(page.older) }) : null }}
          />
        </div>
      ) : null}
    </Page>
  );
}
