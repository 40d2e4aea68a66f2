// The accounts the end-to-end suite creates for itself before the server starts (e2e/fixtures.ts).
// Tests that change a user's sessions or status sign up their own user instead.
export const e2ePassword = "e2e passphrase for tests";
// Staff must sign in with two-factor: the suite's admin has this authenticator key.
export const e2eAdminTotpSecret = "E2EADMINTWOFACTORKEYFORTESTS2345";
// A member of staff who has not turned two-factor on yet: the staff area sends them to enrol first.
export const e2eStaffWithoutTwoFactor = { email: "new-staff@e2e.clientdesk.test", name: "Nico Newstaff", role: "admin" } as const;

export const e2eUsers = {
  customer: { email: "customer@e2e.clientdesk.test", name: "Cleo Customer", role: "customer" },
  admin: { email: "admin@e2e.clientdesk.test", name: "Ada Admin", role: "admin" },
} as const;

/** Enough customers for the users table to page, each named with a marker the tests search for. */
export const tableMarker = "Tablerow";
export const tableUsers = Array.from({ length: 23 }, (_, index) => ({
  name: `${tableMarker} ${String.fromCharCode(65 + index)}${index % 4 === 0 ? "nverified" : "ctive"} Person`,
  email: `tablerow-${String(index).padStart(2, "0")}@e2e.clientdesk.test`,
  verified: index % 4 !== 0,
}));

/** Recipients of the failed emails the outbox tests retry (one on a desktop, one on a phone). */
export const bouncedAddresses = { desktop: "bounced@e2e.clientdesk.test", phone: "bounced-phone@e2e.clientdesk.test" } as const;

export const storageStatePath = (role: keyof typeof e2eUsers) => `.data/e2e/auth/${role}.json`;

/** A customer whose account has a project with milestones (made by e2e/fixtures.ts), for the calendar feed. */
export const e2eCalendarCustomer = {
  email: "calendar@e2e.clientdesk.test",
  name: "Cal Calendar",
  project: "Harbour website",
  milestones: [
    { title: "Design approved", inDays: 7, done: true },
    { title: "Launch", inDays: 30, done: false },
  ],
} as const;
