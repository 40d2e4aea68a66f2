import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CustomerSearch } from "@/components/admin/customer-search";
import { Page } from "@/components/page";
import { Card } from "@/components/ui/card";
import { getCustomerAccount } from "@/db/queries/accounts";
import { adminSearchCustomerAccounts } from "@/db/queries/projects";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { requireAdmin } from "@/lib/session";
import { newProjectSearchSchema } from "@/lib/validations/projects";
import { NewProjectForm } from "./new-project-form";

export async function generateMetadata(): Promise<Metadata> {
  await requireAdmin();
  return { title: (await getTranslations("adminProjects.new"))("title") };
}

const ACCOUNT_CHOICES = 50;

export default async function NewProjectPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const { customer, account } = newProjectSearchSchema.parse(await searchParams);
  const [t, accounts, chosen] = await Promise.all([
    getTranslations("adminProjects.new"),
    adminSearchCustomerAccounts(customer, ACCOUNT_CHOICES),
    account ? getCustomerAccount(account) : null,
  ]);
  // A customer picked on another page (?account=) stays on offer whatever the search finds.
  const choices = chosen && !accounts.some((row) => row.id === chosen.id) ? [{ id: chosen.id, name: chosen.name, ownerEmail: null }, ...accounts] : accounts;
  return (
    <>
      <div className="mx-auto w-full max-w-6xl">
        <Link href="/admin/projects" prefetch={false} className="text-sm text-primary underline-offset-2 hover:underline">
          {t("back")}
        </Link>
      </div>
      <div className="mt-3">
        <Page title={t("title")} description={t("description")} width="narrow">
          <Card aria-labelledby="find-customer-heading">
            <h2 id="find-customer-heading" className="text-base font-semibold">
              {t("findCustomer")}
            </h2>
            <CustomerSearch
              action="/admin/projects/new"
              query={customer} keep={{ account }}
              label={t("customerSearch")}
              placeholder={t("customerSearchPlaceholder")}
              hint={customer ? t("customerMatches", { count: accounts.length }) : t("customerHint", { count: ACCOUNT_CHOICES })}
            />
          </Card>
          <Card className="mt-6" aria-labelledby="project-form-heading">
            <h2 id="project-form-heading" className="text-base font-semibold">
              {t("details")}
            </h2>
            <ClientMessages namespaces={["adminProjects", "projects"]}>
              <NewProjectForm accounts={choices} defaultAccountId={chosen?.id ?? (choices.length === 1 ? choices[0]!.id : "")} />
            </ClientMessages>
          </Card>
        </Page>
      </div>
    </>
  );
}
