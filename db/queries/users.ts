import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { customerAccountMembers, users, userSettings, type Locale, type Theme } from "@/db/schema";
import type { DashboardDensity, DateFormat, TimeFormat } from "@/lib/constants";
import { createCustomerAccount } from "./accounts";

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

const userLocale = sql<Locale>`coalesce(${userSettings.locale}, 'en')`;

/** For credential checks only: the one read that returns the password hash. */
export async function getUserCredentialsByEmail(email: string, db: Database = getDb()) {
  const [user] = await db
    .select({ ...publicUserColumns, passwordHash: users.passwordHash, locale: userLocale })
    .from(users)
    .leftJoin(userSettings, eq(userSettings.userId, users.id))
    .where(eq(users.email, normalizeEmail(email)));
  return user ?? null;
}

/** As getUserCredentialsByEmail, by id: for a sign-in's second step and actions that ask for the password again. */
export async function getUserCredentialsById(userId: string, db: Database = getDb()) {
  const [user] = await db
    .select({ ...publicUserColumns, passwordHash: users.passwordHash, locale: userLocale })
    .from(users)
    .leftJoin(userSettings, eq(userSettings.userId, users.id))
    .where(eq(users.id, userId));
  return user ?? null;
}

type UserWithPreferences = PublicUser & { locale: Locale; theme: Theme };

function selectUserWithPreferences(db: Database) {
  return db
    .select({ ...publicUserColumns, locale: userLocale, theme: sql<Theme>`coalesce(${userSettings.theme}, 'auto')` })
    .from(users)
    .leftJoin(userSettings, eq(userSettings.userId, users.id));
}

/** The account behind an email, with the language its mail is written in and its theme. */
export async function getUserByEmail(email: string, db: Database = getDb()): Promise<UserWithPreferences | null> {
  const [user] = await selectUserWithPreferences(db).where(eq(users.email, normalizeEmail(email)));
  return user ?? null;
}

/** As getUserByEmail, by id (e.g. once a two-factor sign-in has named its account). */
export async function getUserWithPreferences(userId: string, db: Database = getDb()): Promise<UserWithPreferences | null> {
  const [user] = await selectUserWithPreferences(db).where(eq(users.id, userId));
  return user ?? null;
}

/** A reset's new password; the emailed link also proves the address. Returns the account's email. */
export async function setUserPassword(userId: string, passwordHash: string, db: Database = getDb()): Promise<string | null> {
  const [user] = await db
    .update(users)
    .set({ passwordHash, updatedAt: new Date(), emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
    .where(eq(users.id, userId))
    .returning({ email: users.email });
  return user?.email ?? null;
}

export async function markEmailVerified(userId: string, db: Database = getDb()): Promise<void> {
  await db.update(users).set({ emailVerifiedAt: new Date(), updatedAt: new Date() }).where(eq(users.id, userId));
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
    /** The customer account's name; the user's own name when not given. */
    accountName?: string;
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
    // Every customer belongs to an account from the start; staff belong to none.
    if (user!.role === "customer") await createCustomerAccount({ name: input.accountName ?? input.name, ownerId: user!.id }, tx as unknown as Database);
    return user!;
  });
}

export type UserPreferences = { theme: Theme; locale: Locale; timeZone: string; dateFormat: DateFormat; timeFormat: TimeFormat; dashboardDensity: DashboardDensity };

export async function updateUserSettings(
  userId: string,
  // The date, time and density choices keep their saved values when not given.
  input: Pick<UserPreferences, "theme" | "locale" | "timeZone"> & Partial<UserPreferences>,
  db: Database = getDb(),
): Promise<void> {
  const now = new Date();
  await db
    .insert(userSettings)
    .values({ userId, ...input, preferencesSavedAt: now })
    .onConflictDoUpdate({ target: userSettings.userId, set: { ...input, preferencesSavedAt: now, updatedAt: now } });
}

export type PrivacySettings = { profileVisibleToStaff: boolean; dataSharing: boolean };

export async function getPrivacySettings(userId: string, db: Database = getDb()): Promise<PrivacySettings> {
  const [row] = await db
    .select({ profileVisibleToStaff: userSettings.profileVisibleToStaff, dataSharing: userSettings.dataSharing })
    .from(userSettings)
    .where(eq(userSettings.userId, userId));
  return row ?? { profileVisibleToStaff: true, dataSharing: false };
}

/** Saves the user's privacy choices. */
export async function setPrivacySettings(userId: string, input: PrivacySettings, db: Database = getDb()): Promise<void> {
  const now = new Date();
  await db
    .insert(userSettings)
    .values({ userId, ...input })
    .onConflictDoUpdate({ target: userSettings.userId, set: { ...input, updatedAt: now } });
}

/**
 * Whether the platform may use an account's calls to improve the service: only when its owner allows
 * it (every owner, should there be several). A member's choice covers their own data, not the account's.
 */
export async function getAccountDataSharing(accountId: string, db: Database = getDb()): Promise<boolean> {
  const [row] = await db
    .select({ dataSharing: sql<boolean | null>`bool_and(coalesce(${userSettings.dataSharing}, false))` })
    .from(customerAccountMembers)
    .leftJoin(userSettings, eq(userSettings.userId, customerAccountMembers.userId))
    .where(and(eq(customerAccountMembers.accountId, accountId), eq(customerAccountMembers.role, "owner")));
  return row?.dataSharing === true;
}

/**
 * The contact details staff see on a customer's page, or null when the customer keeps them private
 * (`profileVisibleToStaff` off). Name and email are not among them: staff need those to serve the customer.
 */
export async function adminGetUserContactDetails(userId: string, db: Database = getDb()) {
  const [row] = await db
    .select({
      visible: sql<boolean>`coalesce(${userSettings.profileVisibleToStaff}, true)`,
      phone: users.phone,
      company: users.company,
      jobTitle: users.jobTitle,
      address: users.address,
      avatarFileId: users.avatarFileId,
    })
    .from(users)
    .leftJoin(userSettings, eq(userSettings.userId, users.id))
    .where(eq(users.id, userId));
  if (!row?.visible) return null;
  const { visible: _, ...details } = row;
  return details;
}

/** The getting-started step "review your security", done the first time the Security page is opened. */
export async function markSecurityReviewed(userId: string, db: Database = getDb()): Promise<void> {
  await db
    .update(userSettings)
    .set({ securityReviewedAt: new Date() })
    .where(and(eq(userSettings.userId, userId), isNull(userSettings.securityReviewedAt)));
}

export type UserProfile = { name: string; phone: string | null; company: string | null; jobTitle: string | null; address: string | null };

/** The contact details of the profile form, with the avatar they are shown with. */
export async function getUserProfile(userId: string, db: Database = getDb()): Promise<(UserProfile & { avatarFileId: string | null }) | null> {
  const [profile] = await db
    .select({ name: users.name, phone: users.phone, company: users.company, jobTitle: users.jobTitle, address: users.address, avatarFileId: users.avatarFileId })
    .from(users)
    .where(eq(users.id, userId));
  return profile ?? null;
}

export async function updateUserProfile(userId: string, profile: UserProfile, db: Database = getDb()): Promise<void> {
  await db.update(users).set({ ...profile, updatedAt: new Date() }).where(eq(users.id, userId));
}

/** A confirmed email change: the new address is verified by the link that was used. Returns the old one. */
export async function setUserEmail(userId: string, email: string, db: Database = getDb()): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId)).for("update");
    if (!before) return null;
    await tx.update(users).set({ email: normalizeEmail(email), emailVerifiedAt: new Date(), updatedAt: new Date() }).where(eq(users.id, userId));
    return before.email;
  });
}


/** Every active staff user, for notifications addressed to "the team". */
export async function listActiveStaffIds(db: Database = getDb()): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.status, "active")));
  return rows.map((row) => row.id);
}

/** Every active staff user with their language, so each is told amounts as they read them. */
export async function listActiveStaffWithLocale(db: Database = getDb()) {
  return db
    .select({ userId: users.id, locale: userLocale })
    .from(users)
    .leftJoin(userSettings, eq(userSettings.userId, users.id))
    .where(and(eq(users.role, "admin"), eq(users.status, "active")));
}
