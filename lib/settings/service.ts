import "server-only";
import type { Transaction } from "@/db/queries/transaction";
import { updateUserSettings } from "@/db/queries/users";
import type { Actor } from "@/lib/actor";
import type { Locale, Theme } from "@/lib/constants";

/** Theme, language and time zone are the actor's own; nobody sets them for someone else. */
export async function updatePreferences(actor: Actor, input: { theme: Theme; locale: Locale; timeZone: string }, db?: Transaction): Promise<void> {
  await updateUserSettings(actor.id, input, db);
}
