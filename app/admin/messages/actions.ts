"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { adminAction } from "@/lib/action";
import { sendRefusalState } from "@/lib/messages/refusals";
import { adminReplyToThread, adminStartThread, setThreadOpen } from "@/lib/messages/service";
import { adminNewThreadSchema, replySchema, threadStatusSchema } from "@/lib/validations/messages";

export const adminStartThreadAction = adminAction(adminNewThreadSchema, async (input, admin, { info }) => {
  const result = await adminStartThread(admin, input, info);
  if (result.status !== "ok") return sendRefusalState(result.status, "staff");
  redirect(`/admin/messages/${result.threadId}`);
});

export const adminReplyAction = adminAction(replySchema, async (input, admin, { info }) => {
  const result = await adminReplyToThread(admin, input, info);
  if (result.status !== "ok") return sendRefusalState(result.status);
  revalidatePath("/admin", "layout");
  return { ok: true, message: (await getTranslations("messaging.form"))("sent"), values: {} };
});

export const setThreadStatusAction = adminAction(threadStatusSchema, async ({ threadId, status }, admin, { info }) => {
  const t = await getTranslations("adminMessaging");
  const result = await setThreadOpen(admin, { threadId, open: status === "open" }, info);
  if (result.status === "not_found") return { ok: false, message: (await getTranslations("messaging.form"))("notFound") };
  revalidatePath("/admin", "layout");
  return { ok: true, message: result.status === "unchanged" ? t("unchanged") : t(status === "open" ? "reopened" : "closed") };
});
