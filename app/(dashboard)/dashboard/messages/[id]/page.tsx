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
import { Card } from "@/components/ui/card";
import { getThread, listThreadMessages } from "@/db/queries/messages";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { readThread } from "@/lib/messages/service";
import { replyToThreadAction } from "../actions";
import { requireCustomer } from "../customer";

type Props = { params: Promise<{ id: string }> };

/** The thread if it is the customer's account's; another account's, a malformed or an unknown id get the same 404. */
const loadThread = cache(async (id: string) => {
  const user = await requireCustomer(`/admin/messages/${encodeURIComponent(id)}`);
  const thread = z.uuid().safeParse(id).success ? await getThread(user.accountId, user.id, id) : null;
  if (!thread) notFound();
  return { user, thread };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadThread((await params).id)).thread.subject };
}

export default async function ThreadPage({ params }: Props) {
  const { user, thread } = await loadThread((await params).id);
  // Read before listing: whatever this page shows counts as read, and nothing that arrives later.
  if (thread.unread) await readThread(user, thread.id);
  const [t, messages] = await Promise.all([getTranslations("messaging"), listThreadMessages(user.accountId, thread.id)]);
  return (
    <>
      <div className="mx-auto w-full max-w-6xl">
        <Link href="/dashboard/messages" prefetch={false} className="inline-flex items-center gap-1 text-sm font-medium text-primary underline-offset-2 hover:underline">
          <ArrowLeft aria-hidden className="rtl:-scale-x-100 size-4" />
          {t("back")}
        </Link>
      </div>
      <div className="mt-3">
        <Page title={thread.subject} width="narrow">
          <div className="-mt-3 mb-5 flex flex-wrap items-center gap-2">
            <Badge tone={thread.status === "open" ? "success" : "neutral"}>{t(`statuses.${thread.status}`)}</Badge>
            {thread.projectId && thread.projectName ? (
              <Link href={`/dashboard/projects/${thread.projectId}`} prefetch={false} className="text-sm font-medium text-primary underline-offset-2 hover:underline">
                {t("aboutProject", { name: thread.projectName })}
              </Link>
            ) : null}
          </div>
          {thread.status === "closed" ? <p className="mb-4 rounded-md bg-surface-muted px-3 py-2 text-sm text-fg-muted">{t("closedNote")}</p> : null}
          <ThreadMessages messages={messages} viewer="customer" label={t("messagesLabel")} />
          <Card className="mt-6" aria-labelledby="reply-heading">
            <h2 id="reply-heading" className="mb-4 text-base font-semibold">
              {t("reply")}
            </h2>
            <ClientMessages namespaces={["messaging", "attachments"]}>
              <MessageForm action={replyToThreadAction} hidden={{ threadId: thread.id }} idPrefix="reply" />
            </ClientMessages>
          </Card>
          {thread.unread ? <RefreshAfterRead /> : null}
        </Page>
      </div>
    </>
  );
}
