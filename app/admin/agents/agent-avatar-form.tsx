"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId, useState } from "react";
import { FieldShell } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { AVATAR_MAX_BYTES, avatarTypes } from "@/lib/constants";
import { removeAgentAvatarAction, uploadAgentAvatarAction } from "./actions";

/** The agent's photo, through the same checks and re-encoding as a user's own. */
export function AgentAvatarForm({ agentId, hasAvatar }: { agentId: string; hasAvatar: boolean }) {
  const t = useTranslations("adminAgents.photo");
  const [state, action] = useActionState(uploadAgentAvatarAction, initialActionState);
  const [removed, remove] = useActionState(removeAgentAvatarAction, initialActionState);
  // Two forms, one card: only the outcome of the one used last is shown.
  const [lastUsed, setLastUsed] = useState<"upload" | "remove" | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const id = useId();
  const error = tooLarge ? t("tooLarge") : state.fieldErrors?.avatar;
  return (
    <div className="min-w-0 flex-1 space-y-4">
      {/* A file past the limit is not sent at all: the server would refuse it before our checks, with no field message. */}
      <form action={action} className="space-y-3" onSubmit={(event) => (tooLarge ? event.preventDefault() : setLastUsed("upload"))}>
        <FormMessage state={state.fieldErrors || lastUsed !== "upload" ? initialActionState : state} />
        <input type="hidden" name="agentId" value={agentId} />
        <FieldShell
          id={id}
          label={t("label")}
          hint={t("hint")}
          error={error}
          control={(aria) => (
            <input
              id={id}
              type="file"
              name="avatar"
              accept={avatarTypes.join(",")}
              required
              onChange={(event) => setTooLarge((event.target.files?.[0]?.size ?? 0) > AVATAR_MAX_BYTES)}
              className="block w-full text-sm file:me-3 file:min-h-10 file:rounded-md file:border file:border-border file:bg-surface file:px-3 file:text-sm file:font-medium"
              {...aria}
            />
          )}
        />
        <SubmitButton pendingLabel={t("uploading")}>{t("upload")}</SubmitButton>
      </form>
      {hasAvatar ? (
        <form action={remove} className="space-y-3" onSubmit={() => setLastUsed("remove")}>
          <FormMessage state={lastUsed === "remove" ? removed : initialActionState} />
          <input type="hidden" name="agentId" value={agentId} />
          <SubmitButton variant="secondary" pendingLabel={t("removing")}>
            {t("remove")}
          </SubmitButton>
        </form>
      ) : (
        <FormMessage state={lastUsed === "remove" ? removed : initialActionState} />
      )}
    </div>
  );
}
