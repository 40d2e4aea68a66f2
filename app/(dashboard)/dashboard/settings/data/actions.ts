"use server";

import { getTranslations } from "next-intl/server";
import { authedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { deleteOwnAccount } from "@/lib/account/service";
import { signOut } from "@/lib/auth";
import { deleteAccountSchema } from "@/lib/validations/account";

/** Deletes the user's own account, then ends the cookie and shows the goodbye page. */
export const deleteAccountAction = authedAction(deleteAccountSchema, async (data, user, { info }): Promise<ActionState> => {
  const t = await getTranslations("accountDeletion");
  const result = await deleteOwnAccount(user, data, info);
  if (result.status === "rate_limited") return { ok: false, message: t("rateLimited", { minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) }) };
  if (result.status === "invalid_password") return { ok: false, fieldErrors: { password: t("invalidPassword") } };
  if (result.status === "staff_account") return { ok: false, message: t("staffRefused") };
  if (result.status === "not_found") return { ok: false, message: (await getTranslations("errors"))("signedOut") };
  // The server-side session is gone with the user; this clears the cookie and redirects (it throws NEXT_REDIRECT).
  await signOut({ redirectTo: "/goodbye" });
  return { ok: true };
});
