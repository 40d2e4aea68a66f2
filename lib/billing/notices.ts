import "server-only";
import type { Transaction } from "@/db/queries/transaction";
import type { Locale } from "@/lib/constants";
import { notify } from "@/lib/notifications/service";

type Notice = Parameters<typeof notify>[1];

/** Tells each recipient in their own language: `notice` writes the amounts and dates for the locale it is given. */
export async function notifyEach(recipients: { userId: string; locale: Locale }[], notice: (locale: Locale) => Notice, tx: Transaction) {
  for (const { userId, locale } of recipients) await notify(userId, notice(locale), tx);
}
