import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { z } from "zod";
import { CallDetail } from "@/components/calls/call-detail";
import { Page } from "@/components/page";
import { getCallForAccount } from "@/db/queries/calls";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { requireUser } from "@/lib/session";

type Params = Promise<{ id: string }>;

/** The call of the URL if it is the user's account's; a malformed or foreign id is the same 404. */
const loadCall = cache(async (id: string) => {
  const user = await requireUser();
  const call = user.accountId && z.uuid().safeParse(id).success ? await getCallForAccount(user.accountId, id) : null;
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

export default async function CallPage({ params }: { params: Params }) {
  const call = await loadCall((await params).id);
  const [t, title] = await Promise.all([getTranslations("calls"), callTitle(call.startedAt)]);
  return (
    <>
      <div className="mx-auto w-full max-w-6xl">
        <Link href="/dashboard/calls" className="text-sm text-primary underline-offset-2 hover:underline">
          {t("detail.back")}
        </Link>
      </div>
      <div className="mt-3">
        <Page title={title}>
          <CallDetail call={call} />
        </Page>
      </div>
    </>
  );
}
