import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { z } from "zod";
import { MessageForm } from "@/components/messages/message-form";
import { RefreshAfterRead } from "@/components/messages/refresh-after-read";
import { ThreadMessages } from "@/components/messages/thread-messages";
import { Page } from "@/components/page";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { adminGetThread, adminListThreadMessages } from "@/db/queries/messages";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { readThread } from "@/lib/messages/service";
import { requireAdmin } from "@/lib/session";
import { adminReplyAction } from "../actions";
import { ThreadStatusForm } from "./status-form";

type Props = { params: Promise<{ id: string }> };

const loadThread = cache(async (id: string) => {
  const admin = await requireAdmin();
  const thread = z.uuid().safeParse(id).success ? await adminGetThread(admin.id, id) : null;
  if (!thread) notFound();
  return { admin, thread };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadThread((await params).id)).thread.subject };
}

const linkClass = "font-medium text-primary underline-offset-2 hover:underline";

export default async function AdminThreadPage({ params }: Props) {
  const { admin, thread } = await loadThread((await params).id);
  if (thread.unread) await readThread(admin, thread.id);
  const [t, tMessaging, dates, messages] = await Promise.all([
    getTranslations("adminMessaging"),
    getTranslations("messaging"),
    getDateFormatter(),
    adminListThreadMessages(thread.id),
  ]);
  const facts: Array<[string, React.ReactNode]> = [
    [t("customer"), <span key="customer" className="break-words">{thread.accountName}</span>],
    [
      t("startedBy"),
      thread.creatorId ? (
        <Link key="creator" href={`/admin/users/${thread.creatorId}`} prefetch={false} className={linkClass}>
          {thread.creatorRole === "admin" ? t("staffMember", { name: thread.creatorName! }) : thread.creatorName}
        </Link>
      ) : (
        tMessaging("formerUser")
      ),
    ],
    [
      t("project"),
      thread.projectId && thread.projectName ? (
        <Link key="project" href={`/admin/projects/${thread.projectId}`} prefetch={false} className={linkClass}>
          {thread.projectName}
        </Link>
      ) : (
        t("noProject")
      ),
    ],
    [t("started"), <time key="started" dateTime={thread.createdAt.toISOString()}>{dates.dateTime(thread.createdAt)}</time>],
    [t("status"), <Badge key="status" tone={thread.status === "open" ? "success" : "neutral"}>{tMessaging(`statuses.${thread.status}`)}</Badge>],
  ];
  // A thread staff started also names the account's owner, so there is always a customer to open.
  if (thread.creatorRole !== "customer" && thread.ownerId) {
    facts.splice(2, 0, [
      t("contact"),
      <Link key="contact" href={`/admin/users/${thread.ownerId}`} prefetch={false} className={linkClass}>
        {thread.ownerName}
      </Link>,
    ]);
  }
  return (
    <>
      <div className="mx-auto w-full max-w-6xl">
        <Link href="/admin/messages" prefetch={false} className="inline-flex items-center gap-1 text-sm font-medium text-primary underline-offset-2 hover:underline">
          <ArrowLeft aria-hidden className="rtl:-scale-x-100 size-4" />
          {t("back")}
        </Link>
      </div>
      <div className="mt-3">
        <Page title={thread.subject} description={thread.accountName}>
          <ClientMessages namespaces={["adminMessaging", "messaging", "attachments"]}>
            <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-3">
              <Card className="lg:col-start-3 lg:row-start-1" aria-labelledby="thread-details-heading">
                <CardHeader id="thread-details-heading" title={t("details")} />
                <dl className="mt-3 space-y-3">
                  {facts.map(([label, value]) => (
                    <div key={label}>
                      <dt className="text-13 text-fg-muted">{label}</dt>
                      <dd className="min-w-0">{value}</dd>
                    </div>
                  ))}
                </dl>
                <div className="mt-5 border-t border-border pt-4">
                  <ThreadStatusForm threadId={thread.id} status={thread.status} />
                </div>
              </Card>
              <div className="min-w-0 space-y-6 lg:col-span-2 lg:col-start-1 lg:row-start-1">
                <ThreadMessages messages={messages} viewer="staff" label={tMessaging("messagesLabel")} />
                <Card aria-labelledby="reply-heading">
                  <h2 id="reply-heading" className="mb-4 text-base font-semibold">
                    {tMessaging("reply")}
                  </h2>
                  {thread.status === "closed" ? <p className="mb-4 rounded-md bg-surface-muted px-3 py-2 text-sm text-fg-muted">{t("closedNote")}</p> : null}
                  <MessageForm action={adminReplyAction} hidden={{ threadId: thread.id }} idPrefix="reply" />
                </Card>
              </div>
            </div>
          </ClientMessages>
          {thread.unread ? <RefreshAfterRead /> : null}
        </Page>
      </div>
    </>
  );
}
