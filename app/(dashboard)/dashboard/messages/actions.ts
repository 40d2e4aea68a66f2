"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { authedAction } from "@/lib/action";
import { sendRefusalState } from "@/lib/messages/refusals";
import { replyToThread, startThread } from "@/lib/messages/service";
import { newThreadSchema, replySchema } from "@/lib/validations/messages";

/** From the messages page the new thread opens; from a project page the page shows it in place. */
const startSchema = newThreadSchema.extend({ stay: z.literal("project").optional() });

export const startThreadAction = authedAction(startSchema, async ({ stay, ...input }, user) => {
  const result = await startThread(user, input);
  if (result.status !== "ok") return sendRefusalState(result.status);
  if (!stay) redirect(`/dashboard/messages/${result.threadId}`);
  revalidatePath("/dashboard", "layout");
  return { ok: true, message: (await getTranslations("messaging.form"))("sent"), values: {} };
});

export const replyToThreadAction = authedAction(replySchema, async (input, user) => {
  const result = await replyToThread(user, input);
  if (result.status !== "ok") return sendRefusalState(result.status);
  revalidatePath("/dashboard", "layout");
  return { ok: true, message: (await getTranslations("messaging.form"))("sent"), values: {} };
});
