import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Page } from "@/components/page";
import { Card } from "@/components/ui/card";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { requireUser } from "@/lib/session";
import { ProjectRequestForm } from "./request-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("projectRequests.form"))("title") };
}

export default async function NewProjectRequestPage() {
  await requireUser();
  const t = await getTranslations("projectRequests.form");
  return (
    <Page title={t("title")} description={t("description")} width="narrow">
      <Card>
        <ClientMessages namespaces={["projectRequests", "attachments"]}>
          <ProjectRequestForm />
        </ClientMessages>
      </Card>
    </Page>
  );
}
