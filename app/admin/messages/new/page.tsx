import { Search } from "lucide-react";
import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { MessageForm } from "@/components/messages/message-form";
import { Page } from "@/components/page";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { getCustomerAccount } from "@/db/queries/accounts";
import { adminFindCustomerAccounts, listProjectChoices } from "@/db/queries/messages";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { requireAdmin } from "@/lib/session";
import { adminStartThreadAction } from "../actions";

const searchSchema = z.object({
  account: z.uuid().optional().catch(undefined),
  customer: z.string().trim().max(200).catch(""),
  project: z.string().optional().catch(undefined),
});

export async function generateMetadata(): Promise<Metadata> {
  await requireAdmin();
  return { title: (await getTranslations("adminMessaging"))("pickTitle") };
}

/**
 * Staff write to a customer: `?account=<id>` (from a user page or the picker) opens the form for
 * that account, optionally with `&project=<id>`; without one, a search picks the customer.
 */
export default async function AdminNewThreadPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const params = searchSchema.parse(await searchParams);
  const [t, account] = await Promise.all([getTranslations("adminMessaging"), params.account ? getCustomerAccount(params.account) : null]);

  if (account) {
    const projects = await listProjectChoices(account.id);
    return (
      <Page title={t("writeTo", { name: account.name })} description={t("newDescription")} width="narrow">
        <p className="mb-4 text-sm">
          <Link href="/admin/messages/new" prefetch={false} className="font-medium text-primary underline-offset-2 hover:underline">
            {t("changeCustomer")}
          </Link>
        </p>
        <Card>
          <ClientMessages namespaces={["messaging", "attachments"]}>
            <MessageForm
              action={adminStartThreadAction}
              hidden={{ accountId: account.id }}
              subject={{ defaultValue: "" }}
              projects={{ options: projects, defaultValue: projects.find((project) => project.id === params.project)?.id ?? "" }}
              idPrefix="new"
            />
          </ClientMessages>
        </Card>
      </Page>
    );
  }

  const accounts = await adminFindCustomerAccounts(params.customer);
  return (
    <Page title={t("pickTitle")} description={t("pickDescription")} width="narrow">
      <Form action="/admin/messages/new" role="search" className="mb-4 flex gap-2">
        <label htmlFor="customer-search" className="sr-only">
          {t("pickSearch")}
        </label>
        <input id="customer-search" name="customer" type="search" defaultValue={params.customer} placeholder={t("pickSearchPlaceholder")} className={inputClass} />
        <button type="submit" className={buttonClass("secondary", "px-3")} aria-label={t("search")}>
          <Search aria-hidden className="size-4" />
        </button>
      </Form>
      {accounts.length === 0 ? (
        <p className="rounded-xl border border-dashed border-border-strong bg-surface px-4 py-8 text-center text-fg-muted">
          {params.customer ? t("pickNone", { query: params.customer }) : t("pickNoneAll")}
        </p>
      ) : (
        <ul aria-label={t("pickListLabel")} className="divide-y divide-border overflow-hidden rounded-xl border border-border bg-surface shadow-card">
          {accounts.map((choice) => (
            <li key={choice.id}>
              <Link href={`/admin/messages/new?account=${choice.id}`} prefetch={false} className="block px-4 py-3 hover:bg-surface-muted/60">
                <span className="block font-medium text-primary">{t("writeTo", { name: choice.name })}</span>
                {choice.ownerName ? (
                  <span className="block break-all text-13 text-fg-muted">
                    {choice.ownerName} · {choice.ownerEmail}
                  </span>
                ) : null}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
