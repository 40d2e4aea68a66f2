"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { adminAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { importCalls } from "@/lib/calls/import";
import { callImportSchema } from "@/lib/validations/call-platform";

export const importCallsAction = adminAction(callImportSchema, async (data, admin, { info }): Promise<ActionState> => {
  const result = await importCalls(admin, await data.file.text(), info);
  const t = await getTranslations("callImport");
  if (result.status === "bad_file") return { ok: false, fieldErrors: { file: t(`validation.${result.problem}`, result.params) } };
  if (result.status === "bad_rows") {
    const rows = new Set(result.problems.map((problem) => problem.row)).size;
    const reason = (key: string) => (t.has(`reasons.${key}`) ? t(`reasons.${key}`) : t("reasons.invalid"));
    return { ok: false, message: t("refused", { count: rows }), report: result.problems.map((problem) => ({ ...problem, reason: reason(problem.reason) })) };
  }
  revalidatePath("/admin/calls", "layout");
  revalidatePath("/dashboard", "layout");
  return { ok: true, message: t("imported", { count: result.count }) };
});
