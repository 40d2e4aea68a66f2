"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";
import { inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { calendarFeedAction } from "./actions";
import { CopyButton } from "@/components/ui/copy-button";

/** Create, regenerate or revoke the feed; a new address is shown here once, with a copy button. */
export function CalendarFeedForm({ hasFeed }: { hasFeed: boolean }) {
  const t = useTranslations("calendarFeed");
  const [state, action] = useActionState(calendarFeedAction, initialActionState);
  const url = state.ok ? state.secrets?.[0] : undefined;
  return (
    <form action={action} className="space-y-4">
      <FormMessage state={state} />
      {url ? (
        <div className="space-y-1">
          <label htmlFor="calendar-feed-url" className="block text-sm font-medium">
            {t("address")}
          </label>
          <div className="flex flex-col gap-2 sm:flex-row">
            <input id="calendar-feed-url" readOnly value={url} onFocus={(event) => event.currentTarget.select()} dir="ltr" className={`${inputClass} font-mono text-13`} />
            <CopyButton text={url} label={t("copy")} copiedLabel={t("copied")} />
          </div>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {hasFeed ? (
          <>
            <ConfirmSubmit
              variant="secondary"
              name="intent"
              value="create"
              label={t("regenerate")}
              pendingLabel={t("regenerating")}
              title={t("regenerateTitle")}
              description={t("regenerateText")}
              confirmLabel={t("regenerateConfirm")}
              cancelLabel={t("cancel")}
            />
            <ConfirmSubmit
              name="intent"
              value="revoke"
              label={t("revoke")}
              pendingLabel={t("revoking")}
              title={t("revokeTitle")}
              description={t("revokeText")}
              confirmLabel={t("revokeConfirm")}
              cancelLabel={t("cancel")}
            />
          </>
        ) : (
          <SubmitButton name="intent" value="create" pendingLabel={t("creating")}>
            {t("create")}
          </SubmitButton>
        )}
      </div>
    </form>
  );
}

