import { Search } from "lucide-react";
import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Page } from "@/components/page";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
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
            <Form action="/admin/projects/new" role="search" className="mt-3 flex gap-2">
              {account ? <input type="hidden" name="account" value={account} /> : null}
              <label htmlFor="customer-search" className="sr-only">
                {t("customerSearch")}
              </label>
              <input id="customer-search" name="customer" type="search" defaultValue={customer} placeholder={t("customerSearchPlaceholder")} className={inputClass} />
              <button type="submit" className={buttonClass("secondary", "px-3")} aria-label={t("customerSearch")}>
                <Search aria-hidden className="size-4" />
              </button>
            </Form>
            <p className="mt-2 text-13 text-fg-muted">{customer ? t("customerMatches", { count: accounts.length }) : t("customerHint", { count: ACCOUNT_CHOICES })}</p>
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
