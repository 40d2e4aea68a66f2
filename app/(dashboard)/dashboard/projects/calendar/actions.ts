"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { authedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { createCalendarFeed, revokeCalendarFeed } from "@/lib/calendar/service";

/** One form, so the page shows the outcome of whichever button was used last (a new address, or its revocation). */
export const calendarFeedAction = authedAction(z.object({ intent: z.enum(["create", "revoke"], "invalid") }), async ({ intent }, user, { info }): Promise<ActionState> => {
  const t = await getTranslations("calendarFeed");
  revalidatePath("/dashboard/projects/calendar");
  if (intent === "revoke") {
    const { status } = await revokeCalendarFeed(user, info);
    return { ok: true, message: t(status === "ok" ? "revoked" : "alreadyRevoked") };
  }
  const { url } = await createCalendarFeed(user, info);
  // The address exists only in this answer: we keep its hash, not the token.
  return { ok: true, message: t("created"), secrets: [url] };
});
