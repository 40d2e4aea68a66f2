import "server-only";
import { getTranslations } from "next-intl/server";
import type { ActionState } from "@/lib/action-state";
import type { SendRefusal } from "./service";

/**
 * A refused send as its form shows it: the thread as the form's message, the rest next to their
 * field. Staff start threads for a customer, so a missing customer or a project of another one reads differently.
 */
export async function sendRefusalState(status: SendRefusal, side: "customer" | "staff" = "customer"): Promise<ActionState> {
  const t = await getTranslations("messaging.form");
  switch (status) {
    case "not_found":
      return { ok: false, message: t(side === "staff" ? "staffNotFound" : "notFound") };
    case "project_not_found":
      return { ok: false, fieldErrors: { projectId: t(side === "staff" ? "staffProjectNotFound" : "projectNotFound") } };
    case "invalid_attachments":
      return { ok: false, fieldErrors: { attachmentIds: t("invalidAttachments") } };
  }
}
