import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { z } from "zod";
import { CallDetail } from "@/components/calls/call-detail";
import { Page } from "@/components/page";
import { adminGetCall } from "@/db/queries/calls";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { requireAdmin } from "@/lib/session";

type Params = Promise<{ id: string }>;

const loadCall = cache(async (id: string) => {
  await requireAdmin();
  const call = z.uuid().safeParse(id).success ? await adminGetCall(id) : null;
  if (!call) notFound();
  return call;
});

async function callTitle(startedAt: Date): Promise<string> {
  const [t, dates] = await Promise.all([getTranslations("calls"), getDateFormatter()]);
  return t("detail.title", { time: dates.dateTime(startedAt) });
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: await callTitle((await loadCall((await params).id)).startedAt) };
}

/** Any customer's call as staff see it: the customer's call page with a link to the customer. */
export default async function AdminCallPage({ params }: { params: Params }) {
  const call = await loadCall((await params).id);
  const [t, title] = await Promise.all([getTranslations("adminCalls"), callTitle(call.startedAt)]);
  const customer = call.customer;
  return (
    <>
      <div className="mx-auto w-full max-w-6xl">
        <Link href="/admin/calls" className="text-sm text-primary underline-offset-2 hover:underline">
          {t("detailBack")}
        </Link>
      </div>
      <div className="mt-3">
        <Page
          title={title}
          description={customer && !customer.userId ? t("customerLink", { name: customer.name }) : undefined}
          actions={
            customer?.userId ? (
              <Link href={`/admin/users/${customer.userId}`} prefetch={false} className="font-medium text-primary underline-offset-2 hover:underline">
                {t("customerLink", { name: customer.name })}
              </Link>
            ) : null
          }
        >
          <CallDetail call={call} />
        </Page>
      </div>
    </>
  );
}
