import { getTranslations } from "next-intl/server";
import { ApiTokenList } from "@/components/api-tokens/api-token-list";
import { apiTokenViews } from "@/components/api-tokens/rows";
import { Card, CardHeader } from "@/components/ui/card";
import { listApiTokens } from "@/db/queries/api-tokens";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getDateFormatter } from "@/lib/i18n/date-format-server";
import { staffRevokeApiTokenAction } from "./api-token-actions";

/** The customer's API tokens as their Security page lists them (never a token or its hash); staff revoke them here. */
export async function CustomerApiTokens({ userId }: { userId: string }) {
  const [t, dates, tokens] = await Promise.all([getTranslations("apiTokens"), getDateFormatter(), listApiTokens(userId)]);
  return (
    <Card className="mt-6" aria-labelledby="customer-api-tokens-heading">
      <CardHeader id="customer-api-tokens-heading" title={t("staffListTitle")} description={t("staff.description")} />
      <div className="mt-3">
        <ClientMessages namespaces={["apiTokens"]}>
          <ApiTokenList tokens={apiTokenViews(tokens, dates)} action={staffRevokeApiTokenAction} userId={userId} label={t("staffListTitle")} />
        </ClientMessages>
      </div>
    </Card>
  );
}
