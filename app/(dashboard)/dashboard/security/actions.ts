"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { createAuditEntry } from "@/db/queries/audit";
import { revokeSession, revokeUserSessions } from "@/db/queries/sessions";
import { authedAction } from "@/lib/action";
import { revokeSessionsSchema } from "@/lib/validations/settings";

/** Signs out one of the user's other sessions, or (scope "others") every one but this. */
export const revokeSessionsAction = authedAction(revokeSessionsSchema, async (data, user, { info }) => {
  const t = await getTranslations("security");
  if ("scope" in data) {
    const count = await revokeUserSessions(user.id, { keepSessionId: user.sessionId });
    await createAuditEntry({ action: "auth.session_revoked", actorId: user.id, targetUserId: user.id, ip: info.ip, metadata: { count } });
    revalidatePath("/dashboard/security");
    return { ok: true, message: t("revokedOthers", { count }) };
  }
  // Scoped to the user's own sessions: another account's session id revokes nothing.
  const { sessionId } = data;
  if (sessionId === user.sessionId || !(await revokeSession(user.id, sessionId))) {
    return { ok: false, message: t("notFound") };
  }
  await createAuditEntry({ action: "auth.session_revoked", actorId: user.id, targetUserId: user.id, ip: info.ip, metadata: { sessionId } });
  revalidatePath("/dashboard/security");
  return { ok: true, message: t("revoked") };
});
