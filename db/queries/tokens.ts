import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { authTokens, type AuthTokenKind } from "@/db/schema";

/** Unused, unexpired, of the right kind. */
function usable(kind: AuthTokenKind, tokenHash: string) {
  return and(eq(authTokens.tokenHash, tokenHash), eq(authTokens.kind, kind), isNull(authTokens.usedAt), gt(authTokens.expiresAt, sql`now()`));
}

/** Stores a new token's hash and voids every earlier unused token of the same kind for the user. */
export async function replaceAuthToken(
  input: { userId: string; kind: AuthTokenKind; tokenHash: string; expiresAt: Date; newEmail?: string },
  db: Database = getDb(),
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(authTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(authTokens.userId, input.userId), eq(authTokens.kind, input.kind), isNull(authTokens.usedAt)));
    await tx.insert(authTokens).values(input);
  });
}

/**
 * Marks the token used and returns its user, in one statement, so two concurrent uses
 * cannot both succeed. Unknown, used and expired tokens return null.
 */
export async function consumeAuthToken(
  kind: AuthTokenKind,
  tokenHash: string,
  db: Database = getDb(),
): Promise<string | null> {
  const [token] = await db
    .update(authTokens)
    .set({ usedAt: sql`now()` })
    .where(usable(kind, tokenHash))
    .returning({ userId: authTokens.userId });
  return token?.userId ?? null;
}

export async function isAuthTokenUsable(kind: AuthTokenKind, tokenHash: string, db: Database = getDb()) {
  const [token] = await db.select({ id: authTokens.id }).from(authTokens).where(usable(kind, tokenHash));
  return Boolean(token);
}

/** The user a usable token belongs to, without using it up. */
export async function getAuthTokenUser(kind: AuthTokenKind, tokenHash: string, db: Database = getDb()): Promise<string | null> {
  const [token] = await db.select({ userId: authTokens.userId }).from(authTokens).where(usable(kind, tokenHash));
  return token?.userId ?? null;
}

/** Voids the user's unused tokens of a kind (a password reset ends pending two-factor sign-ins). */
export async function voidAuthTokens(userId: string, kind: AuthTokenKind, db: Database = getDb()): Promise<void> {
  await db
    .update(authTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(authTokens.userId, userId), eq(authTokens.kind, kind), isNull(authTokens.usedAt)));
}

/** Like consumeAuthToken, for an email change: also returns the address the link confirms. */
export async function consumeEmailChangeToken(tokenHash: string, db: Database = getDb()): Promise<{ userId: string; newEmail: string } | null> {
  const [token] = await db
    .update(authTokens)
    .set({ usedAt: sql`now()` })
    .where(usable("email_change", tokenHash))
    .returning({ userId: authTokens.userId, newEmail: authTokens.newEmail });
  return token?.newEmail ? { userId: token.userId, newEmail: token.newEmail } : null;
}
