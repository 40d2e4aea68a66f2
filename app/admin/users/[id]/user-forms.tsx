"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { setUserRoleAction, setUserStatusAction } from "../actions";

export function UserStatusForm({ userId, status }: { userId: string; status: "active" | "disabled" }) {
  const t = useTranslations("admin.userDetail");
  const [state, action] = useActionState(setUserStatusAction, initialActionState);
  const next = status === "active" ? "disabled" : "active";
  return (
    <form action={action} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="status" value={next} />
      <p className="text-sm text-fg-muted">{t(next === "disabled" ? "disableHint" : "enableHint")}</p>
      <SubmitButton variant={next === "disabled" ? "danger" : "primary"} pendingLabel={t("saving")}>
        {t(next === "disabled" ? "disable" : "enable")}
      </SubmitButton>
    </form>
  );
}

export function UserRoleForm({ userId, role }: { userId: string; role: "customer" | "admin" }) {
  const t = useTranslations("admin.userDetail");
  const [state, action] = useActionState(setUserRoleAction, initialActionState);
  return (
    <form action={action} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <SelectField key={role} label={t("role")} name="role" defaultValue={role} error={state.fieldErrors?.role}>
        <option value="customer">{t("roles.customer")}</option>
        <option value="admin">{t("roles.admin")}</option>
      </SelectField>
      <SubmitButton variant="secondary" pendingLabel={t("saving")}>
        {t("changeRole")}
      </SubmitButton>
    </form>
  );
}
