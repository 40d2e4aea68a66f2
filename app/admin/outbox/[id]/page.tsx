import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { Page } from "@/components/page";
import { Card } from "@/components/ui/card";
import { adminGetOutboxEntry } from "@/db/queries/mail";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { redactSecrets } from "@/lib/mail/redact";
import { requireAdmin } from "@/lib/session";
import { RetryEmailForm } from "../retry-form";
import { EmailStatusBadge } from "../status-badge";

type Props = { params: Promise<{ id: string }> };

/** The message, or null for an id that is not one of ours (any string reaches this page). */
async function entryOf(id: string) {
  return z.uuid().safeParse(id).success ? adminGetOutboxEntry(id) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireAdmin();
  const { id } = await params;
  const entry = await entryOf(id);
  return { title: entry ? entry.subject : (await getTranslations("errors"))("notFoundTitle") };
}

export default async function AdminOutboxEntryPage({ params }: Props) {
  await requireAdmin();
  const { id } = await params;
  const entry = await entryOf(id);
  if (!entry) notFound();
  const [t, dates] = await Promise.all([getTranslations("admin.outbox"), getDateFormatter()]);
  const when = (date: Date | null) => (date ? dates.dateTime(date) : t("none"));
  const facts: Array<[string, React.ReactNode]> = [
    [t("columns.recipient"), <span key="to" className="break-all">{entry.toAddress}</span>],
    [t("columns.template"), <span key="template" className="font-mono text-13">{entry.template}</span>],
    [t("columns.status"), <EmailStatusBadge key="status" status={entry.status} />],
    [t("columns.attempts"), entry.attempts],
    [t("columns.error"), entry.error ?? t("none")],
    [t("columns.createdAt"), when(entry.createdAt)],
    [t("columns.sentAt"), when(entry.sentAt)],
  ];
  return (
    <Page
      title={entry.subject}
      actions={
        <Link href="/admin/outbox" className="inline-flex items-center gap-1 text-sm font-medium text-primary underline-offset-2 hover:underline">
          <ArrowLeft aria-hidden className="rtl:-scale-x-100 size-4" />
          {t("back")}
        </Link>
      }
    >
      <Card>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-13 text-fg-muted">{label}</dt>
              <dd className="min-w-0 break-words">{value}</dd>
            </div>
          ))}
        </dl>
        <div className="mt-4">
          <RetryEmailForm emailId={entry.id} canRetry={entry.status === "failed"} />
        </div>
      </Card>
      <Card className="mt-6" aria-labelledby="body-heading">
        <h2 id="body-heading" className="text-base font-semibold">
          {t("body")}
        </h2>
        <p className="mt-1 text-13 text-fg-muted">{t("bodyHint")}</p>
        <pre dir="auto" className="mt-3 max-h-[32rem] overflow-auto whitespace-pre-wrap break-words rounded-md bg-surface-muted p-3 font-mono text-13">{redactSecrets(entry.textBody)}</pre>
      </Card>
    </Page>
  );
}
