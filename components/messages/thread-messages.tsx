import { Paperclip } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import type { ThreadMessage } from "@/db/queries/messages";
import { formatFileSize } from "@/lib/file-size";
import { getDateFormatter } from "@/lib/i18n/date-format-server";

/**
 * A thread's messages, oldest first, each with its author, time and attachments. The viewer's own
 * side sits to the right; the other side's messages are marked as the team's or the customer's.
 */
export async function ThreadMessages({ messages, viewer, label }: { messages: ThreadMessage[]; viewer: "customer" | "staff"; label: string }) {
  const [t, dates, locale] = await Promise.all([getTranslations("messaging"), getDateFormatter(), getLocale()]);
  return (
    <ol aria-label={label} className="space-y-4">
      {messages.map((message) => {
        const own = message.fromStaff === (viewer === "staff");
        const side = message.fromStaff ? t("team") : t("customer");
        return (
          <li key={message.id} className={`flex ${own ? "justify-end" : "justify-start"}`}>
            <article
              aria-labelledby={`message-${message.id}-author`}
              className={`w-full max-w-2xl rounded-xl border p-4 sm:w-11/12 ${own ? "border-primary/30 bg-primary-soft/50" : "border-border bg-surface"}`}
            >
              <header className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                <p id={`message-${message.id}-author`} className="font-semibold">
                  {message.authorName ?? t("formerUser")}
                  <span className="ms-2 text-13 font-normal text-fg-muted">{side}</span>
                </p>
                <time dateTime={message.createdAt.toISOString()} className="text-13 text-fg-muted">
                  {dates.dateTime(message.createdAt)}
                </time>
              </header>
              <p className="mt-2 whitespace-pre-wrap break-words">{message.body}</p>
              {message.attachments.length > 0 ? (
                <ul aria-label={t("attachmentsOf")} className="mt-3 space-y-1">
                  {message.attachments.map((file) => (
                    <li key={file.fileId}>
                      <a
                        href={`/api/files/${file.fileId}`}
                        download={file.name}
                        aria-label={t("download", { name: file.name, size: formatFileSize(file.sizeBytes, locale) })}
                        className="inline-flex max-w-full items-center gap-2 rounded-md border border-border bg-surface px-3 py-2 text-sm hover:bg-surface-muted"
                      >
                        <Paperclip aria-hidden className="size-4 shrink-0 text-fg-muted" />
                        <span className="min-w-0 truncate font-medium text-primary">{file.name}</span>
                        <span className="shrink-0 text-xs text-fg-muted">{formatFileSize(file.sizeBytes, locale)}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </article>
          </li>
        );
      })}
    </ol>
  );
}
