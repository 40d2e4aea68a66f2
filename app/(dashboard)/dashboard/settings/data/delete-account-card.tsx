import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import type { SessionUser } from "@/db/queries/sessions";
import { previewAccountDeletion } from "@/lib/account/service";
import { formatMoney } from "@/lib/billing/money";
import { formatFileSize } from "@/lib/file-size";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { DeleteAccountForm } from "./delete-account-form";

/** Account deletion: first what it will do (from the database, for this user), then the confirmation. */
export async function DeleteAccountCard({ user }: { user: SessionUser }) {
  const [t, locale, preview] = await Promise.all([getTranslations("accountDeletion"), getLocale(), previewAccountDeletion(user)]);
  if (!preview) return null;
  const staff = user.role !== "customer";
  const amountDue = preview.openInvoices.due.map((due) => formatMoney(due.amount, due.currency, locale)).join(" + ");
  const owner = preview.account?.role === "owner";
  return (
    <Card aria-labelledby="delete-account-heading" className="border-danger/40">
      <CardHeader id="delete-account-heading" title={t("title")} description={t("description")} />
      <h3 className="mt-4 text-sm font-semibold">{t("previewHeading")}</h3>
      <ul className="mt-2 list-disc space-y-1.5 ps-5 text-sm" data-testid="deletion-preview">
        {preview.account ? (
          owner ? (
            <li>
              {t("ownerCloses", { name: preview.account.name })}
              {preview.account.otherMembers > 0 ? ` ${t("ownerMembers", { count: preview.account.otherMembers })}` : null}
            </li>
          ) : (
            <li>{t("memberOnly", { name: preview.account.name })}</li>
          )
        ) : null}
        {owner ? (
          <>
            <li>{t("openInvoices", { count: preview.openInvoices.count, amount: amountDue })}</li>
            <li>{preview.subscription ? t("subscription", { plan: preview.subscription.planName }) : t("noSubscription")}</li>
          </>
        ) : null}
        <li>{t("files", { count: preview.files.count, size: formatFileSize(preview.files.bytes, locale) })}</li>
        <li>{t("personal")}</li>
        {owner ? <li>{t("kept", { count: preview.keptInvoices })}</li> : null}
      </ul>
      {staff ? (
        <p className="mt-4 text-sm text-fg-muted">{t("staffRefused")}</p>
      ) : (
        <ClientMessages namespaces={["accountDeletion"]}>
          <DeleteAccountForm />
        </ClientMessages>
      )}
    </Card>
  );
}
