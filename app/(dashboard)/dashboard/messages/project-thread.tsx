import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MessageForm } from "@/components/messages/message-form";
import { RefreshAfterRead } from "@/components/messages/refresh-after-read";
import { ThreadMessages } from "@/components/messages/thread-messages";
import { Card, CardHeader } from "@/components/ui/card";
import { getLatestProjectThread, getProjectChoice, listThreadMessages } from "@/db/queries/messages";
import type { SessionUser } from "@/db/queries/sessions";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { readThread } from "@/lib/messages/service";
import { replyToThreadAction, startThreadAction } from "./actions";

/**
 * The project page's conversation: the newest thread about the project with its reply form, or a
 * form to start one. Renders nothing for a project that is not the user's account's.
 */
export async function ProjectThread({ projectId, user }: { projectId: string; user: SessionUser }) {
  if (!user.accountId) return null;
  const [project, thread] = await Promise.all([getProjectChoice(user.accountId, projectId), getLatestProjectThread(user.accountId, user.id, projectId)]);
  if (!project) return null;
  if (thread?.unread) await readThread(user, thread.id);
  const [t, messages] = await Promise.all([getTranslations("messaging"), thread ? listThreadMessages(user.accountId, thread.id) : []]);
  return (
    <Card aria-labelledby="project-thread-heading">
      <CardHeader
        id="project-thread-heading"
        title={thread ? thread.subject : t("projectThread.startTitle")}
        description={thread ? t("projectThread.description") : t("projectThread.startHelp")}
        actions={
          thread ? (
            <Link href={`/dashboard/messages/${thread.id}`} prefetch={false} className="text-sm font-medium text-primary underline-offset-2 hover:underline">
              {t("projectThread.openInMessages")}
            </Link>
          ) : null
        }
      />
      <div className="mt-4 space-y-6">
        {thread ? <ThreadMessages messages={messages} viewer="customer" label={t("messagesLabel")} /> : null}
        <ClientMessages namespaces={["messaging", "attachments"]}>
          {thread ? (
            <MessageForm action={replyToThreadAction} hidden={{ threadId: thread.id }} bodyLabel={t("reply")} idPrefix="project-reply" />
          ) : (
            <MessageForm
              action={startThreadAction}
              hidden={{ projectId: project.id, stay: "project" }}
              subject={{ defaultValue: t("projectThread.defaultSubject", { project: project.name }) }}
              idPrefix="project-thread"
            />
          )}
        </ClientMessages>
      </div>
      {thread?.unread ? <RefreshAfterRead /> : null}
    </Card>
  );
}
