import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MessageForm } from "@/components/messages/message-form";
import { Page } from "@/components/page";
import { Card } from "@/components/ui/card";
import { listProjectChoices } from "@/db/queries/messages";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { startThreadAction } from "../actions";
import { requireCustomer } from "../customer";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("messaging"))("newTitle") };
}

/** `?project=<id>` preselects one of the account's projects; any other value preselects none. */
export default async function NewThreadPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireCustomer("/admin/messages/new");
  const [t, projects, { project }] = await Promise.all([getTranslations("messaging"), listProjectChoices(user.accountId), searchParams]);
  const preselected = projects.find((choice) => choice.id === project)?.id ?? "";
  return (
    <Page title={t("newTitle")} description={t("newDescription")} width="narrow">
      <Card>
        <ClientMessages namespaces={["messaging", "attachments"]}>
          <MessageForm action={startThreadAction} hidden={{}} subject={{ defaultValue: "" }} projects={{ options: projects, defaultValue: preselected }} idPrefix="new" />
        </ClientMessages>
      </Card>
    </Page>
  );
}
