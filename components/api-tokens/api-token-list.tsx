"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Badge } from "@/components/ui/badge";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/form-message";
import { initialActionState, type ActionState } from "@/lib/action-state";

export type ApiTokenView = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  created: string;
  lastUsed: string | null;
  expires: string | null;
  status: "active" | "expired" | "revoked";
};

const statusTones = { active: "success", expired: "warning", revoked: "neutral" } as const;

/**
 * A user's tokens, each live one with a Revoke button that asks first. One outcome for the whole
 * list, shown above it, since a revoked row loses its button. Staff pass the user's id along.
 */
export function ApiTokenList({
  tokens,
  action,
  userId,
  label,
}: {
  tokens: ApiTokenView[];
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** The token owner's id, for the staff page's action. */
  userId?: string;
  label: string;
}) {
  const t = useTranslations("apiTokens");
  const [state, formAction] = useActionState(action, initialActionState);
  return (
    <div className="space-y-3">
      <FormMessage state={state} />
      {tokens.length === 0 ? (
        <p className="text-fg-muted">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-border" aria-label={label}>
          {tokens.map((token) => (
            <li key={token.id} className="py-4">
              {/* The button keeps its place beside the name: a long name wraps instead of pushing it below. */}
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-center gap-2 font-medium">
                    <span className="break-words" id={`api-token-${token.id}`}>
                      {token.name}
                    </span>
                    <Badge tone={statusTones[token.status]}>{t(`status.${token.status}`)}</Badge>
                  </p>
                  <p className="text-13 text-fg-muted">
                    <span className="sr-only">{t("columns.prefix")} </span>
                    <bdi dir="ltr" className="font-mono">
                      {token.prefix}…
                    </bdi>
                  </p>
                </div>
                {token.status === "active" ? (
                  <form action={formAction} className="shrink-0">
                    <input type="hidden" name="tokenId" value={token.id} />
                    {userId ? <input type="hidden" name="userId" value={userId} /> : null}
                    <ConfirmSubmit
                      label={t("revoke")}
                      labelSuffix={t("revokeWhich", { name: token.name })}
                      pendingLabel={t("revoking")}
                      title={t("revokeTitle")}
                      description={userId ? t("staff.revokeDescription", { name: token.name }) : t("revokeDescription", { name: token.name })}
                      confirmLabel={t("revokeConfirm")}
                      cancelLabel={t("keep")}
                    />
                  </form>
                ) : null}
              </div>
              <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 text-13 min-[400px]:grid-cols-3">
                <div>
                  <dt className="text-fg-muted">{t("columns.created")}</dt>
                  <dd>{token.created}</dd>
                </div>
                <div>
                  <dt className="text-fg-muted">{t("columns.lastUsed")}</dt>
                  <dd>{token.lastUsed ?? t("never")}</dd>
                </div>
                <div>
                  <dt className="text-fg-muted">{t("columns.expires")}</dt>
                  <dd>{token.status === "expired" ? t("status.expired") : (token.expires ?? t("never"))}</dd>
                </div>
                <div className="min-[400px]:col-span-3">
                  <dt className="sr-only">{t("columns.scopes")}</dt>
                  <dd>
                    <ul className="mt-1 flex flex-wrap gap-1" aria-label={t("columns.scopes")}>
                      {token.scopes.map((scope) => (
                        <li key={scope}>
                          <code dir="ltr" className="rounded bg-surface-muted px-1.5 py-0.5 text-xs">
                            {scope}
                          </code>
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
