import "server-only";
import { and, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { twoFactorRecoveryCodes, userTwoFactor } from "@/db/schema";

/** The user's TOTP row (its secret still sealed), enabled or awaiting confirmation; null if none. */
export async function getTwoFactor(userId: string, db: Database = getDb()) {
  const [row] = await db
    .select({ secret: userTwoFactor.secret, enabledAt: userTwoFactor.enabledAt, lastUsedStep: userTwoFactor.lastUsedStep })
    .from(userTwoFactor)
    .where(eq(userTwoFactor.userId, userId));
  return row ?? null;
}

/** What the Security page shows: whether it is on, since when, and how many recovery codes are left. */
export async function getTwoFactorStatus(userId: string, db: Database = getDb()) {
  const [row] = await db
    .select({
      enabledAt: userTwoFactor.enabledAt,
      recoveryCodesLeft: sql<number>`(select count(*)::int from ${twoFactorRecoveryCodes} where ${twoFactorRecoveryCodes.userId} = ${userId} and ${twoFactorRecoveryCodes.usedAt} is null)`,
    })
    .from(userTwoFactor)
    .where(and(eq(userTwoFactor.userId, userId), isNotNull(userTwoFactor.enabledAt)));
  return row ? { enabled: true as const, enabledAt: row.enabledAt!, recoveryCodesLeft: row.recoveryCodesLeft } : { enabled: false as const };
}

/** Starts (or restarts) enrolment with a new secret. Does nothing once two-factor is on: returns false. */
export async function savePendingTwoFactor(userId: string, sealedSecret: string, db: Database = getDb()): Promise<boolean> {
  const rows = await db
    .insert(userTwoFactor)
    .values({ userId, secret: sealedSecret })
    .onConflictDoUpdate({ target: userTwoFactor.userId, set: { secret: sealedSecret, createdAt: sql`now()`, lastUsedStep: null }, setWhere: isNull(userTwoFactor.enabledAt) })
    .returning({ userId: userTwoFactor.userId });
  return rows.length > 0;
}

/**
 * Records an accepted code's time step, only if it is newer than the last one: of two requests
 * racing with the same code, one wins. Returns whether this one did.
 */
export async function recordTotpStep(userId: string, step: number, db: Database = getDb()): Promise<boolean> {
  const rows = await db
    .update(userTwoFactor)
    .set({ lastUsedStep: step })
    .where(and(eq(userTwoFactor.userId, userId), or(isNull(userTwoFactor.lastUsedStep), lt(userTwoFactor.lastUsedStep, step))))
    .returning({ userId: userTwoFactor.userId });
  return rows.length > 0;
}

/** Turns pending enrolment on; false if there was none (or it is already on). */
export async function markTwoFactorEnabled(userId: string, db: Database = getDb()): Promise<boolean> {
  const rows = await db
    .update(userTwoFactor)
    .set({ enabledAt: sql`now()` })
    .where(and(eq(userTwoFactor.userId, userId), isNull(userTwoFactor.enabledAt)))
    .returning({ userId: userTwoFactor.userId });
  return rows.length > 0;
}

/** Voids every earlier recovery code and stores the new ones' hashes. */
export async function replaceRecoveryCodes(userId: string, codeHashes: string[], db: Database = getDb()): Promise<void> {
  await db.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId));
  await db.insert(twoFactorRecoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

/** Uses up a recovery code in one statement, so it works once however many requests race. */
export async function consumeRecoveryCode(userId: string, codeHash: string, db: Database = getDb()): Promise<boolean> {
  const rows = await db
    .update(twoFactorRecoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(and(eq(twoFactorRecoveryCodes.userId, userId), eq(twoFactorRecoveryCodes.codeHash, codeHash), isNull(twoFactorRecoveryCodes.usedAt)))
    .returning({ id: twoFactorRecoveryCodes.id });
  return rows.length > 0;
}

/** Turns two-factor off: the secret and every recovery code go. */
export async function deleteTwoFactor(userId: string, db: Database = getDb()): Promise<boolean> {
  await db.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId));
  const rows = await db.delete(userTwoFactor).where(eq(userTwoFactor.userId, userId)).returning({ userId: userTwoFactor.userId });
  return rows.length > 0;
}
