import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { users, userSettings, type Locale, type Theme } from "@/db/schema";

/** Every column a caller may see; the password hash is never among them. */
export const publicUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  status: users.status,
  emailVerifiedAt: users.emailVerifiedAt,
  createdAt: users.createdAt,
};

export type PublicUser = {
  id: string;
  email: string;
  name: string;
  role: "customer" | "admin";
  status: "active" | "disabled";
  emailVerifiedAt: Date | null;
  createdAt: Date;
};

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function getUserById(userId: string, db: Database = getDb()): Promise<PublicUser | null> {
  const [user] = await db.select(publicUserColumns).from(users).where(eq(users.id, userId));
  return user ?? null;
}

/** For credential checks only: the one read that returns the password hash. */
export async function getUserCredentialsByEmail(email: string, db: Database = getDb()) {
  const [user] = await db
    .select({ ...publicUserColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  return user ?? null;
}

export async function getUserByEmail(email: string, db: Database = getDb()): Promise<PublicUser | null> {
  const [user] = await db.select(publicUserColumns).from(users).where(eq(users.email, normalizeEmail(email)));
  return user ?? null;
}

export async function createUser(
  input: {
    email: string;
    name: string;
    passwordHash: string;
    role?: "customer" | "admin";
    emailVerifiedAt?: Date | null;
    locale: Locale;
    timeZone?: string;
  },
  db: Database = getDb(),
): Promise<PublicUser> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        email: normalizeEmail(input.email),
        name: input.name,
        passwordHash: input.passwordHash,
        role: input.role ?? "customer",
        emailVerifiedAt: input.emailVerifiedAt ?? null,
      })
      .returning(publicUserColumns);
    await tx.insert(userSettings).values({ userId: user!.id, locale: input.locale, timeZone: input.timeZone ?? "UTC" });
    return user!;
  });
}

export async function getUserSettings(userId: string, db: Database = getDb()) {
  const [settings] = await db
    .select({ theme: userSettings.theme, locale: userSettings.locale, timeZone: userSettings.timeZone })
    .from(userSettings)
    .where(eq(userSettings.userId, userId));
  return settings ?? { theme: "auto" as Theme, locale: "en" as Locale, timeZone: "UTC" };
}

export async function updateUserSettings(
  userId: string,
  input: { theme: Theme; locale: Locale; timeZone: string },
  db: Database = getDb(),
): Promise<void> {
  await db
    .insert(userSettings)
    .values({ userId, ...input })
    .onConflictDoUpdate({ target: userSettings.userId, set: { ...input, updatedAt: new Date() } });
}
