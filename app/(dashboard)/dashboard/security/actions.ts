"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { createAuditEntry } from "@/db/queries/audit";
import { revokeSession, revokeUserSessions } from "@/db/queries/sessions";
import { authedAction } from "@/lib/action";
import { sessionIdSchema } from "@/lib/validations/settings";

export const revokeSessionAction = authedAction(sessionIdSchema, async ({ sessionId }, user, { info }) => {
  const t = await getTranslations("security");
  // Scoped to the user's own sessions: another account's session id revokes nothing.
  if (sessionId === user.sessionId || !(await revokeSession(user.id, sessionId))) {
    return { ok: false, message: t("notFound") };
  }
  await createAuditEntry({ action: "auth.session_revoked", actorId: user.id, targetUserId: user.id, ip: info.ip, metadata: { sessionId } });
  revalidatePath("/dashboard/security");
  return { ok: true, message: t("revoked") };
});

export const revokeOtherSessionsAction = authedAction(z.object({}), async (_data, user, { info }) => {
  const count = await revokeUserSessions(user.id, { keepSessionId: user.sessionId });
  await createAuditEntry({ action: "auth.session_revoked", actorId: user.id, targetUserId: user.id, ip: info.ip, metadata: { count } });
  revalidatePath("/dashboard/security");
  const t = await getTranslations("security");
  return { ok: true, message: t("revokedOthers", { count }) };
});
