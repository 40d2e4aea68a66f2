import { count } from "drizzle-orm";
import sharp from "sharp";
import { getDb, type Database } from "@/db";
import { auditLog, emailOutbox, notifications, users } from "@/db/schema";
import { getAccountMembership } from "@/db/queries/accounts";
import { replaceUserAvatar } from "@/db/queries/files";
import { createUser, getUserByEmail } from "@/db/queries/users";
import { AVATAR_MAX_BYTES } from "@/lib/constants";
import { appUrl } from "@/lib/env";
import { hashPassword } from "@/lib/passwords";
import { storeFile } from "@/lib/storage";
import { enableTwoFactorWithSecret } from "@/lib/two-factor/service";
import { currentTotp } from "@/lib/two-factor/totp";
import { demoAdminTotpSecret, demoLogins, demoPassword } from "./demo";
import { seedAccountActivity } from "./seed-activity";
import { seedDemoCalls } from "./seed-calls";
import { seedDemoSubscription, seedPlans } from "./seed-plans";
import { seedDemoInvoices } from "./seed-invoices";
import { seedDemoProjects, seedOtherCustomerProjects } from "./seed-projects";

const moreCustomers = [
  "Amara Okafor", "Ben Hoffmann", "Chiara Rossi", "Daniel Kim", "Elena Petrova", "Farid Haddad",
  "Grace Liu", "Hannah Schmidt", "Ivan Novak", "Julia Costa", "Kenji Watanabe", "Lena Fischer",
  "Mateo García", "Nora Jensen", "Oliver Brown", "Priya Nair", "Quentin Moreau", "Rosa Martínez",
  "Samuel Adeyemi", "Tara Walsh", "Umar Siddiqui", "Valentina Bianchi", "William Chen", "Yara Haddad",
];

export async function isDatabaseEmpty(db: Database = getDb()): Promise<boolean> {
  const [row] = await db.select({ value: count() }).from(users);
  return (row?.value ?? 0) === 0;
}

/** Demo accounts and a few more customers; safe to run twice. */
export async function seedDemoData(db: Database = getDb()): Promise<void> {
  await seedPlans(db);
  if (await getUserByEmail(demoLogins[0].email, db)) return;
  // One hash for every demo account keeps seeding fast; they share the demo password anyway.
  const passwordHash = await hashPassword(demoPassword);
  const verified = new Date();
  const customer = await createUser(
    { email: "customer@clientdesk.test", name: "Casey Customer", accountName: "Northwind Dental", passwordHash, emailVerifiedAt: verified, locale: "en", timeZone: "Europe/Berlin" },
    db,
  );
  await seedDemoNotifications(customer.id, db);
  await seedDemoSignInHistory(customer.id, db);
  await seedDemoAvatar(customer.id, (await getAccountMembership(customer.id, db))?.accountId ?? null, db);
  const admin = await createUser({ email: "admin@clientdesk.test", name: "Alex Admin", passwordHash, role: "admin", emailVerifiedAt: verified, locale: "en", timeZone: "Europe/Berlin" }, db);
  await enableTwoFactorWithSecret(admin.id, demoAdminTotpSecret, db);
  await seedFailedEmail("bounced.customer@example.com", db);
  const customerAccountId = (await getAccountMembership(customer.id, db))!.accountId;
  await seedDemoProjects({ accountId: customerAccountId, customerId: customer.id, staffId: admin.id }, db);
  await seedDemoSubscription(customerAccountId, db);
  for (const [index, name] of moreCustomers.entries()) {
    const email = `${name.toLowerCase().normalize("NFD").replace(/[^a-z ]/g, "").replace(/ /g, ".")}@example.com`;
    const other = await createUser({ email, name, passwordHash, emailVerifiedAt: index % 5 === 4 ? null : verified, locale: index % 3 === 0 ? "de" : "en" }, db);
    if (index < 8) await seedOtherCustomerProjects({ accountId: (await getAccountMembership(other.id, db))!.accountId, staffId: admin.id, index }, db);
  }
  await seedDemoInvoices({ accountId: customerAccountId, staffId: admin.id, otherCustomerEmail: "amara.okafor@example.com" }, db);
  const other = await getUserByEmail("amara.okafor@example.com", db);
  const otherAccountId = other ? ((await getAccountMembership(other.id, db))?.accountId ?? null) : null;
  await seedDemoCalls({ accountId: customerAccountId, customerId: customer.id, staffId: admin.id, otherAccountId, otherCustomerId: other?.id ?? null }, db);
  await seedAccountActivity(customerAccountId, db);
  if (otherAccountId) await seedAccountActivity(otherAccountId, db);
}

/** A few of each kind the demo customer may have had, the newest two unread. */
async function seedDemoNotifications(userId: string, db: Database) {
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
  await db.insert(notifications).values([
    { userId, category: "account", type: "security.newSignIn", params: { device: "Safari · iOS", ip: "198.51.100.24" }, link: "/dashboard/security", createdAt: hoursAgo(2) },
    { userId, category: "account", type: "security.sessionsRevokedByStaff", params: { count: 1 }, link: "/dashboard/security", createdAt: hoursAgo(26) },
    { userId, category: "account", type: "security.passwordChanged", params: { device: "Firefox · Windows", ip: "203.0.113.7" }, link: "/dashboard/security", createdAt: hoursAgo(24 * 6), readAt: hoursAgo(24 * 6 - 1) },
    { userId, category: "account", type: "security.newSignIn", params: { device: "Chrome · macOS", ip: "192.0.2.80" }, link: "/dashboard/security", createdAt: hoursAgo(24 * 9), readAt: hoursAgo(24 * 8) },
  ]);
}

/** Sign-ins from a few devices over the last weeks, and a mistyped password, for the Security page. */
async function seedDemoSignInHistory(userId: string, db: Database) {
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
  const devices = {
    mac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
    iphone: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    windows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0",
  };
  const signIn = { action: "auth.sign_in" as const, actorId: userId, targetUserId: userId };
  await db.insert(auditLog).values([
    { ...signIn, ip: "198.51.100.24", userAgent: devices.iphone, createdAt: hoursAgo(2) },
    { action: "auth.sign_in_failed", targetUserId: userId, ip: "203.0.113.7", userAgent: devices.windows, metadata: { reason: "invalid_credentials" }, createdAt: hoursAgo(30) },
    { ...signIn, ip: "192.0.2.80", userAgent: devices.mac, createdAt: hoursAgo(24 * 3) },
    { ...signIn, ip: "203.0.113.7", userAgent: devices.windows, createdAt: hoursAgo(24 * 6) },
    { ...signIn, ip: "192.0.2.80", userAgent: devices.mac, createdAt: hoursAgo(24 * 9) },
  ]);
}

/**
 * A notification email whose delivery failed for good, for staff to retry from the outbox. It has no
 * secret link, so its stored copy is the whole mail and a retry needs no job of the original send.
 */
export async function seedFailedEmail(toAddress: string, db: Database = getDb()): Promise<string> {
  const link = `${appUrl()}/dashboard/security`;
  const [row] = await db
    .insert(emailOutbox)
    .values({
      toAddress,
      template: "notification",
      subject: "New sign-in to your account",
      textBody: `New sign-in to your account\n\nSafari on iOS signed in from 198.51.100.24.\n\nOpen Clientdesk: ${link}`,
      htmlBody: `<p><strong>New sign-in to your account</strong></p><p>Safari on iOS signed in from 198.51.100.24.</p><p><a href="${link}">Open Clientdesk</a></p>`,
      status: "failed",
      attempts: 3,
      error: "SMTP 550 mailbox unavailable",
      createdAt: new Date(Date.now() - 3 * 3_600_000),
    })
    .returning({ id: emailOutbox.id });
  return row!.id;
}

export function printDemoLogins(url: string): void {
  console.log(
    [
      "",
      `  Clientdesk is ready at ${url}`,
      "  Demo logins (password: clientdesk-demo):",
      ...demoLogins.map((login) => `    ${login.role.padEnd(8)} ${login.email}`),
      "  The admin signs in with a two-factor code as well. Add this key to an authenticator app:",
      `    ${demoAdminTotpSecret.match(/.{4}/g)!.join(" ")}`,
      `  or use this code within 30 seconds: ${currentTotp(demoAdminTotpSecret)} (a fresh one at any time: npm run demo:code)`,
      "",
    ].join("\n"),
  );
}

/** The demo customer's photo: drawn at seed time (a gradient with initials) and stored like an upload. */
async function seedDemoAvatar(userId: string, accountId: string | null, db: Database) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#2563eb"/><stop offset="1" stop-color="#14b8a6"/></linearGradient></defs><rect width="300" height="300" fill="url(#g)"/><text x="150" y="185" font-family="sans-serif" font-size="120" font-weight="700" fill="#fff" text-anchor="middle">CC</text></svg>`;
  const webp = await sharp(Buffer.from(svg)).webp({ quality: 82 }).toBuffer();
  const stored = await storeFile(webp, { allowedTypes: ["image/webp"], maxBytes: AVATAR_MAX_BYTES });
  await replaceUserAvatar(userId, { ...stored, fileName: "avatar.webp", accountId }, db);
}
