import "server-only";
import { createAuditEntry } from "@/db/queries/audit";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import { getPrivacySettings, setPrivacySettings, updateUserSettings, type PrivacySettings, type UserPreferences } from "@/db/queries/users";
import type { Actor } from "@/lib/actor";
import type { RequestInfo } from "@/lib/request-info";

/** Theme, language, time zone, date and time format and density are the actor's own; nobody sets them for someone else. */
export async function updatePreferences(actor: Actor, input: UserPreferences, db?: Transaction): Promise<void> {
  await updateUserSettings(actor.id, input, db);
}

export async function getPrivacy(actor: Actor, db?: Transaction): Promise<PrivacySettings> {
  return getPrivacySettings(actor.id, db);
}

/** Saves the actor's privacy choices with an audit row naming what changed; an unchanged form writes nothing. */
export async function updatePrivacy(actor: Actor, input: PrivacySettings, info: RequestInfo, db?: Transaction): Promise<{ status: "ok" | "unchanged" }> {
  return inTransaction(async (tx) => {
    const before = await getPrivacySettings(actor.id, tx);
    const changed = (Object.keys(input) as (keyof PrivacySettings)[]).filter((key) => before[key] !== input[key]);
    if (changed.length === 0) return { status: "unchanged" };
    await setPrivacySettings(actor.id, input, tx);
    await createAuditEntry({ action: "user.privacy_updated", actorId: actor.id, targetUserId: actor.id, ...info, metadata: { changed: changed.join(","), ...input } }, tx);
    return { status: "ok" };
  }, db);
}
