"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId, useState } from "react";
import { Field, FieldShell, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { UserProfile } from "@/db/queries/users";
import { initialActionState } from "@/lib/action-state";
import { AVATAR_MAX_BYTES, avatarTypes } from "@/lib/constants";
import { removeAvatarAction, requestEmailChangeAction, updateProfileAction, uploadAvatarAction } from "./actions";

export function AvatarForm({ hasAvatar }: { hasAvatar: boolean }) {
  const t = useTranslations("profile.photo");
  const [state, action] = useActionState(uploadAvatarAction, initialActionState);
  const [removed, remove] = useActionState(removeAvatarAction, initialActionState);
  // Two forms, one card: only the outcome of the one used last is shown.
  const [lastUsed, setLastUsed] = useState<"upload" | "remove" | null>(null);
  // Checked before the upload too; the server still decides.
  const [tooLarge, setTooLarge] = useState(false);
  const id = useId();
  const error = tooLarge ? t("tooLarge") : state.fieldErrors?.avatar;
  return (
    <div className="min-w-0 flex-1 space-y-4">
      {/* A file past the limit is not sent at all: the server would refuse it before our checks, with no field message. */}
      <form action={action} className="space-y-3" onSubmit={(event) => (tooLarge ? event.preventDefault() : setLastUsed("upload"))}>
        <FormMessage state={state.fieldErrors || lastUsed !== "upload" ? initialActionState : state} />
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

export function ContactDetailsForm({ profile }: { profile: UserProfile }) {
  const t = useTranslations("profile.details");
  const [state, action] = useActionState(updateProfileAction, initialActionState);
  const values = { ...Object.fromEntries(Object.entries(profile).map(([key, value]) => [key, value ?? ""])), ...state.values };
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="mt-5 space-y-4" noValidate>
      <FormMessage state={state} />
      <Field label={t("name")} name="name" defaultValue={values.name} error={errors.name} required maxLength={100} autoComplete="name" />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("phone")} name="phone" type="tel" defaultValue={values.phone} error={errors.phone} maxLength={40} autoComplete="tel" />
        <Field label={t("company")} name="company" defaultValue={values.company} error={errors.company} maxLength={120} autoComplete="organization" />
      </div>
      <Field label={t("jobTitle")} name="jobTitle" defaultValue={values.jobTitle} error={errors.jobTitle} maxLength={120} autoComplete="organization-title" />
      <FieldShell
        id="field-address"
        label={t("address")}
        error={errors.address}
        control={(aria) => (
          <textarea id="field-address" name="address" rows={3} maxLength={500} defaultValue={values.address} autoComplete="street-address" className={inputClass} {...aria} />
        )}
      />
      <div className="flex justify-end border-t border-border pt-5">
        <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}

export function EmailChangeForm({ currentEmail }: { currentEmail: string }) {
  const t = useTranslations("profile.email");
  const [state, action] = useActionState(requestEmailChangeAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="mt-5 space-y-4" noValidate>
      <p className="text-sm">
        <span className="text-fg-muted">{t("current")}: </span>
        <span className="break-all font-medium">{currentEmail}</span>
      </p>
      <FormMessage state={state} />
      <Field label={t("newEmail")} name="newEmail" type="email" defaultValue={state.values?.newEmail} error={errors.newEmail} required autoComplete="email" />
      <Field label={t("currentPassword")} name="currentPassword" type="password" error={errors.currentPassword} required autoComplete="current-password" />
      <div className="flex justify-end border-t border-border pt-5">
        <SubmitButton pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
