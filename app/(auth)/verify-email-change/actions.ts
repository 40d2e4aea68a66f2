"use server";

import { getTranslations } from "next-intl/server";
import { publicAction } from "@/lib/action";
import { confirmEmailChange } from "@/lib/profile/service";
import { confirmEmailChangeSchema } from "@/lib/validations/profile";

// Public: the emailed single-use token is the credential (the link may be opened on another device).
export const confirmEmailChangeAction = publicAction(confirmEmailChangeSchema, async (data, { info }) => {
  const result = await confirmEmailChange(data.token, info);
  const t = await getTranslations("auth.verifyEmailChange");
  if (result.status === "ok") return { ok: true, message: t("done") };
  return { ok: false, message: t(result.status === "email_taken" ? "emailTaken" : "invalidToken"), link: { href: "/dashboard/profile", label: t("continue") } };
});
