// The demo logins `npm start` prints; a module of its own so the end-to-end tests can read it too.
export const demoPassword = "clientdesk-demo";
export const demoLogins = [
  { role: "customer", email: "customer@clientdesk.test" },
  { role: "admin", email: "admin@clientdesk.test" },
] as const;
// Staff must use two-factor sign-in; the demo admin's authenticator key is fixed and printed at start-up.
export const demoAdminTotpSecret = "CLIENTDESKDEMOADMINTWOFACTORKEY2";
// The heavy customer `npm run seed:scale` makes on PostgreSQL, and `npm run bench:calls` signs in as.
export const heavyLogin = { email: "heavy@clientdesk.test", password: "clientdesk-heavy" };
