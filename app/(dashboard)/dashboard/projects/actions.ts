"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { authedAction } from "@/lib/action";
import { rateProject } from "@/lib/projects/service";
import { rateProjectSchema } from "@/lib/validations/projects";

export const rateProjectAction = authedAction(rateProjectSchema, async (data, user, { info }) => {
  await rateProject(user, data, info);
  revalidatePath(`/dashboard/projects/${data.projectId}`);
  const t = await getTranslations("projects.rating");
  return { ok: true, message: t("saved") };
});
