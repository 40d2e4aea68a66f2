import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CustomerSearch } from "@/components/admin/customer-search";
import { Page } from "@/components/page";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { getCustomerAccount } from "@/db/queries/accounts";
import { adminListProjectsOfAccount, adminSearchCustomerAccounts } from "@/db/queries/projects";
import { INVOICE_PAYMENT_TERMS_DAYS } from "@/lib/billing/config";
import { DEFAULT_CURRENCY } from "@/lib/constants";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { todayIn } from "@/lib/projects/dates";
import { requireAdmin } from "@/lib/session";
import { newInvoiceSearchSchema } from "@/lib/validations/invoices";
import { createInvoiceAction } from "../actions";
import { InvoiceEditor } from "../invoice-editor";

export async function generateMetadata(): Promise<Metadata> {
  await requireAdmin();
  return { title: (await getTranslations("adminInvoices.new"))("title") };
}

const ACCOUNT_CHOICES = 50;

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * First the customer (found as on the new-project page, chosen with a plain GET form), then the
 * invoice: its project list is that customer's, so no other account's project can be offered.
 */
export default async function NewInvoicePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const { customer, account, project } = newInvoiceSearchSchema.parse(await searchParams);
  const [t, accounts] = await Promise.all([getTranslations("adminInvoices.new"), adminSearchCustomerAccounts(customer, ACCOUNT_CHOICES)]);
  // A search that finds exactly one customer chooses it.
  const chosenId = account ?? (customer && accounts.length === 1 ? accounts[0]!.id : undefined);
  const chosen = chosenId ? await getCustomerAccount(chosenId) : null;
  const projects = chosen ? await adminListProjectsOfAccount(chosen.id) : [];
  const choices = chosen && !accounts.some((row) => row.id === chosen.id) ? [{ id: chosen.id, name: chosen.name, ownerEmail: null }, ...accounts] : accounts;
  const today = todayIn(admin.timeZone);

  return (
    <>
      <div className="mx-auto w-full max-w-6xl">
        <Link href="/admin/invoices" prefetch={false} className="text-sm text-primary underline-offset-2 hover:underline">
          {t("back")}
        </Link>
      </div>
      <div className="mt-3">
        <Page title={t("title")} description={t("description")} width="narrow">
          <Card aria-labelledby="find-customer-heading">
            <h2 id="find-customer-heading" className="text-base font-semibold">
              {t("customerHeading")}
            </h2>
            <CustomerSearch
              action="/admin/invoices/new"
              query={customer}
              label={t("customerSearch")}
              placeholder={t("customerSearchPlaceholder")}
              hint={customer ? t("customerMatches", { count: accounts.length }) : t("customerHint", { count: ACCOUNT_CHOICES })}
            />
            <Form action="/admin/invoices/new" className="mt-4 flex flex-wrap items-end gap-2">
              {customer ? <input type="hidden" name="customer" value={customer} /> : null}
              <div className="min-w-0 flex-1 basis-56 space-y-1">
                <label htmlFor="invoice-customer" className="block text-sm font-medium">
                  {t("customer")}
                </label>
                <select id="invoice-customer" name="account" defaultValue={chosen?.id ?? ""} className={inputClass}>
                  <option value="">{choices.length === 0 ? t("noCustomers") : t("chooseCustomer")}</option>
                  {choices.map((row) => (
                    <option key={row.id} value={row.id}>
                      {row.ownerEmail ? `${row.name} (${row.ownerEmail})` : row.name}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className={buttonClass("secondary")}>
                {t("useCustomer")}
              </button>
            </Form>
          </Card>
          <Card className="mt-6" aria-labelledby="invoice-form-heading">
            <h2 id="invoice-form-heading" className="text-base font-semibold">
              {chosen ? t("detailsFor", { customer: chosen.name }) : t("details")}
            </h2>
            {chosen ? (
              <ClientMessages namespaces={["adminInvoices"]}>
                <InvoiceEditor
                  action={createInvoiceAction}
                  hidden={{ accountId: chosen.id }}
                  projects={projects.map((row) => ({ id: row.id, name: row.name }))}
                  initial={{
                    projectId: project && projects.some((row) => row.id === project) ? project : "",
                    currency: DEFAULT_CURRENCY,
                    taxRate: "0",
                    issueDate: today,
                    dueDate: addDays(today, INVOICE_PAYMENT_TERMS_DAYS),
                    notes: "",
                    items: [{ description: "", quantity: "1", unitAmount: "" }],
                  }}
                  submitLabel={t("create")}
                />
              </ClientMessages>
            ) : (
              <p className="mt-2 text-fg-muted">{t("chooseCustomerFirst")}</p>
            )}
          </Card>
        </Page>
      </div>
    </>
  );
}
