import fs from "node:fs";
import { createHash } from "node:crypto";
import { expect, test, type APIRequestContext, type APIResponse, type Browser } from "@playwright/test";
import sharp from "sharp";
import messages from "@/lib/i18n/messages/en.json" with { type: "json" };
import { createVerifiedCustomer, mailbox, newClient, signedInAs, signIn } from "./helpers";
import { e2ePassword, e2eUsers } from "./users";
import { callAction, describeAnswer, findServerAction, isRefused, listServerActions, refusals } from "./security/actions";
import { expectNoCrossUserAccess, ownerDeviceLabel, ownerUserAgent, twoCustomers, type OwnedResource } from "./security/cross-user";
import { crawl } from "./security/crawl";
import { openDatabaseProbe } from "./security/database";
import { exportedMethods, fetchLikeBrowser, headersOf, listRouteHandlers, routeMethods } from "./security/routes";

const database = openDatabaseProbe();
test.afterAll(() => database.close());

/** Server actions anyone may call, each with the reason it needs no session. */
const publicActions: Record<string, string> = {
  "app/(auth)/actions.ts#signInAction": "signing in is how a session starts",
  "app/(auth)/actions.ts#signUpAction": "creates an unverified account from the submitted email only",
  "app/(auth)/actions.ts#forgotPasswordAction": "mails a link to the submitted address only, and answers the same for every address",
  "app/(auth)/actions.ts#resetPasswordAction": "the emailed single-use token is the credential",
  "app/(auth)/actions.ts#verifyEmailAction": "the emailed single-use token is the credential",
  "app/(auth)/actions.ts#signOutAction": "takes no input and only ends the session of the cookie it is sent with",
  "app/(auth)/actions.ts#verifySignInCodeAction": "the code step of sign-in: the challenge cookie from a right password is the credential",
  "app/(auth)/verify-email-change/actions.ts#confirmEmailChangeAction": "the emailed single-use token is the credential (the link may be opened on another device)",
};

/** Route handlers anyone may call, each with the reason. */
const publicRoutes: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts": "Auth.js's own endpoints (csrf, providers, session, sign-in and sign-out), which read the session themselves",
  "app/api/health/route.ts": "the health probe: it answers only whether the database is reachable",
  "app/api/v1/openapi.json/route.ts": "the API's OpenAPI document: it describes the endpoints and grants nothing; every endpoint it lists checks its token",
  "app/api/stripe/webhook/route.ts": "Stripe's events: the signature over the raw body is the credential (400 and nothing written without a valid one)",
};

const forgedSession = { cookie: "authjs.session-token=garbage" };

/** Calls without a valid session: no cookie, a forged one (the proxy lets it by), and headers that took other paths through Next. */
const noSessionCalls: { label: string; headers: Record<string, string>; search?: string }[] = [
  { label: "no session cookie", headers: {} },
  { label: "a forged session cookie", headers: forgedSession },
  { label: "x-middleware-subrequest: middleware…", headers: { ...forgedSession, "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" } },
  { label: "x-middleware-subrequest: proxy…", headers: { ...forgedSession, "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" } },
  { label: "RSC: 1", headers: { ...forgedSession, rsc: "1" } },
  { label: "Next-Router-Prefetch: 1", headers: { ...forgedSession, "next-router-prefetch": "1" } },
  { label: "?_rsc=x", headers: forgedSession, search: "?_rsc=x" },
];

function isRefusedRoute(response: APIResponse, baseURL: string): boolean {
  const location = response.headers()["location"];
  if (location) return new URL(location, baseURL).pathname === "/sign-in";
  return [401, 403, 404, 405].includes(response.status());
}

test("every server action and route handler refuses a caller without a valid session and changes nothing, unless it is public by design", async ({ request, baseURL }) => {
  // Three calls per action and per route and method, each with a snapshot of every table: it grows with the app.
  test.setTimeout(180_000);
  const actions = listServerActions();
  const routes = listRouteHandlers();
  // Each allowlist names only what exists, so a removed action or route leaves no stale entry.
  expect(Object.keys(publicActions).filter((name) => !actions.some((action) => action.name === name))).toEqual([]);
  expect(Object.keys(publicRoutes).filter((file) => !routes.some((route) => route.file === file))).toEqual([]);

  const failures: string[] = [];
  const guardedActions = actions.filter((action) => !(action.name in publicActions));
  expect(guardedActions.map((action) => action.name)).toContain("app/(dashboard)/dashboard/security/actions.ts#revokeSessionsAction");
  for (const action of guardedActions) {
    for (const call of noSessionCalls) {
      const { result: answer, changed } = await database.observe(() => callAction(request, action, call));
      const where = `${action.name} posted to ${action.pages[0]} with ${call.label}`;
      if (!isRefused(answer, [refusals.signedOut])) failures.push(`${where} was not refused: ${describeAnswer(answer)}`);
      if (changed.length > 0) failures.push(`${where} changed ${changed.join(", ")}`);
    }
  }
  for (const route of routes.filter((route) => !(route.file in publicRoutes))) {
    // The JSON API's routes all go through apiRoute (lib/api/coverage.test.ts checks that): a bearer
    // token is their only credential and cookies play no part, so each method they export is called once.
    const api = route.file.startsWith("app/api/v1/");
    for (const method of api ? exportedMethods(route.file) : routeMethods) {
      for (const call of api ? noSessionCalls.slice(0, 1) : noSessionCalls) {
        const { result: response, changed } = await database.observe(() => fetchLikeBrowser(request, `${route.url}${call.search ?? ""}`, { method, headers: call.headers }));
        const where = `${method} ${route.url} (${route.file}) with ${call.label}`;
        if (!isRefusedRoute(response, baseURL!)) failures.push(`${where} was not refused: ${response.status()} ${(await response.text()).slice(0, 160)}`);
        if (changed.length > 0) failures.push(`${where} changed ${changed.join(", ")}`);
      }
    }
  }
  expect(failures, "unguarded: add the session check, or allowlist it in e2e/security.spec.ts with the reason").toEqual([]);
});

test("an action call encoded as React encodes it reaches the action when signed in: the e2e customer saves their own preferences", async ({ browser }) => {
  const customer = await signedInAs(browser, "customer");
  // The customer's own preferences (e2e/fixtures.ts, default theme): saving them again changes nothing visible.
  const fields = { theme: "auto", locale: "en", timeZone: "Europe/Berlin", dateFormat: "locale", timeFormat: "locale", dashboardDensity: "default" };
  const { result: answer, changed } = await database.observe(() => callAction(customer.request, findServerAction("updatePreferencesAction"), { fields }));
  expect(answer.state, describeAnswer(answer)).toMatchObject({ ok: true, message: messages.settings.saved, values: fields });
  if (database.reachable) expect(changed).toContain("user_settings");
  await customer.close();
});

test("staff actions refuse a signed-in customer and change nothing", async ({ browser }) => {
  const customer = await signedInAs(browser, "customer");
  const staffActions = listServerActions().filter((action) => action.pages.length > 0 && action.pages.every((page) => page.startsWith("/admin")));
  expect(staffActions.length).toBeGreaterThan(0);
  for (const action of staffActions) {
    const answer = await database.expectUnchanged(action.name, () => callAction(customer.request, action));
    expect(isRefused(answer, [refusals.forbidden]), `${action.name}: ${describeAnswer(answer)}`).toBe(true);
  }
  await customer.close();
});

/** A sign-in session, seen from the Security page: its row is the owner's alone. */
const sessions: OwnedResource = {
  name: "sessions",
  async create(owner) {
    const html = await (await owner.context.request.get("/dashboard/security")).text();
    const ids = [...html.matchAll(/id="session-([0-9a-f-]{36})"/g)].map((match) => match[1]!);
    expect(ids, "the owner has exactly one session").toHaveLength(1);
    const canaries = [owner.ip, ownerDeviceLabel];
    // The owner sees them: their absence from the intruder's answers means something.
    for (const canary of canaries) expect(html).toContain(canary);
    return { id: ids[0]!, canaries };
  },
  lists: ["/dashboard/security"],
  actions: [{ name: "revokeSessionsAction", fields: (id) => ({ sessionId: id }), refusal: messages.security.notFound }],
  async ownerView(owner, id) {
    const dashboard = await owner.context.request.get("/dashboard", { maxRedirects: 0 });
    const security = await (await owner.context.request.get("/dashboard/security")).text();
    return { dashboardStatus: dashboard.status(), listed: security.includes(`id="session-${id}"`) };
  },
};

// A second sign-in, from another new browser of the owner's, leaves a notification naming it and its address.
const notificationsIn = (browser: Browser): OwnedResource => ({
  name: "notifications",
  async create(owner) {
    const second = await newClient(browser, { ip: owner.ip, userAgent: ownerUserAgent });
    await signIn(await second.newPage(), { email: owner.email, password: owner.password });
    await second.close();
    const html = await (await owner.context.request.get("/dashboard/notifications")).text();
    const ids = [...html.matchAll(/id="notification-([0-9a-f-]{36})"/g)].map((match) => match[1]!);
    expect(ids, "the owner has exactly one notification").toHaveLength(1);
    const canaries = [owner.ip, "Opera · Android"];
    for (const canary of canaries) expect(html).toContain(canary);
    return { id: ids[0]!, canaries };
  },
  lists: ["/dashboard/notifications", "/dashboard/notifications?order=unread"],
  actions: [{ name: "markNotificationReadAction", fields: (id) => ({ notificationId: id }), refusal: messages.notifications.notFound }],
  async ownerView(owner, id) {
    const html = await (await owner.context.request.get("/dashboard/notifications")).text();
    return { listed: html.includes(`id="notification-${id}"`), unread: html.includes(`value="${id}"`) };
  },
});

/** An avatar, uploaded on the Profile page: only its owner (their account's members, staff) may fetch it. */
const avatars: OwnedResource = {
  name: "avatars",
  async create(owner) {
    const page = await owner.context.newPage();
    await page.goto("/dashboard/profile");
    const image = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#0f766e" } }).png().toBuffer();
    await page.getByLabel("Profile photo").setInputFiles({ name: "owner.png", mimeType: "image/png", buffer: image });
    await page.getByRole("button", { name: "Upload photo" }).click();
    await expect(page.getByTestId("form-message").first()).toHaveText(messages.profile.photo.saved);
    const html = await (await owner.context.request.get("/dashboard/profile")).text();
    const id = /\/api\/files\/([0-9a-f-]{36})/.exec(html)?.[1];
    expect(id, "the owner's profile shows the avatar").toBeTruthy();
    await page.close();
    return { id: id!, canaries: [] };
  },
  lists: ["/dashboard/profile", "/dashboard"],
  routes: (id) => [`/api/files/${id}`],
  async ownerView(owner, id) {
    const file = await owner.context.request.get(`/api/files/${id}`);
    return { status: file.status(), type: file.headers()["content-type"] };
  },
};

test("a customer cannot fetch another customer's avatar", async ({ browser }) => {
  const customers = await twoCustomers(browser);
  await expectNoCrossUserAccess(avatars, customers);
  await customers.owner.context.close();
  await customers.intruder.context.close();
});

test("a customer can neither see nor revoke another customer's session", async ({ browser }) => {
  const customers = await twoCustomers(browser);
  await expectNoCrossUserAccess(sessions, customers);
  await customers.owner.context.close();
  await customers.intruder.context.close();
});

test("a customer can neither see nor mark read another customer's notification", async ({ browser }) => {
  const customers = await twoCustomers(browser);
  await expectNoCrossUserAccess(notificationsIn(browser), customers);
  await customers.owner.context.close();
  await customers.intruder.context.close();
});

function expectOnThisSite(location: string | null | undefined, baseURL: string, what: string) {
  expect(location, `${what} redirects`).toBeTruthy();
  const url = new URL(location!, baseURL);
  const site = new URL(baseURL);
  // Auth.js builds absolute URLs from Next's request URL, which spells 127.0.0.1 "localhost".
  const hostname = url.hostname === "localhost" ? site.hostname : url.hostname;
  expect(`${url.protocol}//${hostname}:${url.port}`, `${what} went to ${location}`).toBe(site.origin);
}

test("signing in never leaves the site, whatever callbackUrl says: our action, our sign-in page and Auth.js's endpoints", async ({ browser, baseURL }) => {
  const context = await newClient(browser);
  const credentials = { email: e2eUsers.customer.email, password: e2ePassword };
  for (const target of ["https://evil.test", "//evil.test", "/\\evil.test", "javascript:alert(1)"]) {
    const callbackUrl = encodeURIComponent(target);
    // Posted straight to the action: the sign-in page drops such a value before the form gets it.
    const signedIn = await callAction(context.request, findServerAction("signInAction"), { fields: { ...credentials, callbackUrl: target } });
    expectOnThisSite(signedIn.redirect, baseURL!, `signInAction with ${target}`);
    const signInPage = await context.request.get(`/sign-in?callbackUrl=${callbackUrl}`, { maxRedirects: 0 });
    expectOnThisSite(signInPage.headers()["location"], baseURL!, `/sign-in while signed in, with ${target}`);

    const authJsSignIn = await context.request.get(`/api/auth/signin?callbackUrl=${callbackUrl}`, { maxRedirects: 0 });
    expectOnThisSite(authJsSignIn.headers()["location"], baseURL!, `GET /api/auth/signin with ${target}`);
    const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const signedOut = await context.request.post("/api/auth/signout", { form: { csrfToken, callbackUrl: target }, maxRedirects: 0 });
    expectOnThisSite(signedOut.headers()["location"], baseURL!, `POST /api/auth/signout with ${target}`);
    // Auth.js's own credentials callback is no way in at all (only the sign-in action is).
    const callback = await context.request.post("/api/auth/callback/credentials", { form: { csrfToken, callbackUrl: target, ...credentials }, maxRedirects: 0 });
    expect(callback.status(), `POST /api/auth/callback/credentials with ${target}`).toBe(404);
    expect(callback.headers()["set-cookie"] ?? "").not.toContain("session-token");
  }
  await context.close();
});

test("a signed-in action call from another origin, or for another host, is refused and changes nothing", async ({ browser }) => {
  const password = "cass's passphrase";
  const email = await createVerifiedCustomer(browser, "Cass Crossorigin", password);
  const [caller, otherDevice] = await Promise.all([newClient(browser), newClient(browser)]);
  for (const context of [caller, otherDevice]) await signIn(await context.newPage(), { email, password });
  const revokeSessions = findServerAction("revokeSessionsAction");
  const otherDeviceSignedIn = async () => (await otherDevice.request.get("/dashboard", { maxRedirects: 0 })).status() === 200;

  for (const [label, headers] of [
    ["Origin: https://evil.test", { origin: "https://evil.test" }],
    ["X-Forwarded-Host: evil.test", { "x-forwarded-host": "evil.test" }],
    ["Host: evil.test", { host: "evil.test" }],
  ] as const) {
    const answer = await database.expectUnchanged(label, () => callAction(caller.request, revokeSessions, { fields: { scope: "others" }, headers }));
    expect(answer.status, `${label}: ${describeAnswer(answer)}`).toBeGreaterThanOrEqual(400);
    expect(answer.returned, `${label}: the action ran`).toBe(false);
    expect(await otherDeviceSignedIn(), `${label}: the other device is still signed in`).toBe(true);
  }
  // The same call from this origin signs the other device out: the refusals above were the origin check's.
  const answer = await callAction(caller.request, revokeSessions, { fields: { scope: "others" } });
  expect(answer.state, describeAnswer(answer)).toMatchObject({ ok: true, message: "1 other session has been signed out." });
  expect(await otherDeviceSignedIn()).toBe(false);
  await caller.close();
  await otherDevice.close();
});

type ResponseHeaders = Record<string, string>;

/** What next.config.ts sets on every answer; pages whose URL carries a token send no Referer at all. */
function expectBaseHeaders(headers: ResponseHeaders, where: string, referrerPolicy = "strict-origin-when-cross-origin") {
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["x-frame-options"], where).toBe("DENY");
  expect(headers["referrer-policy"], where).toBe(referrerPolicy);
  expect(Number(/max-age=(\d+)/.exec(headers["strict-transport-security"] ?? "")?.[1]), `${where}: HSTS of a year or more`).toBeGreaterThanOrEqual(31_536_000);
  for (const feature of ["camera=()", "microphone=()", "geolocation=()"]) expect(headers["permissions-policy"], where).toContain(feature);
}

/** Pages, flights and action answers: proxy.ts's per-request CSP. Returns its nonce. */
function expectDocumentHeaders(headers: ResponseHeaders, where: string, referrerPolicy?: string): string {
  expectBaseHeaders(headers, where, referrerPolicy);
  const csp = headers["content-security-policy"] ?? "";
  const scriptSrc = /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
  expect(nonce, `${where}: script-src has a nonce`).toBeTruthy();
  expect(scriptSrc, where).toContain("'strict-dynamic'");
  expect(scriptSrc, where).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) expect(csp, where).toContain(directive);
  return nonce!;
}

/** Route handlers: next.config.ts's CSP for answers that are never documents. */
function expectApiHeaders(headers: ResponseHeaders, where: string) {
  expectBaseHeaders(headers, where);
  expect(headers["content-security-policy"], where).toContain("default-src 'none'");
  expect(headers["content-security-policy"], where).toContain("frame-ancestors 'none'");
}

/** An HTML page: the document headers, and every script carries this answer's nonce. */
async function expectPageHeaders(request: APIRequestContext, url: string, status: number) {
  const response = await request.get(url, { maxRedirects: 0 });
  expect(response.status(), url).toBe(status);
  const nonce = expectDocumentHeaders(response.headers(), url, /^\/(reset-password|verify-email)\b/.test(url) ? "no-referrer" : undefined);
  const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, url).toBeGreaterThan(0);
  for (const script of scripts) expect(script, `${url}: a script without this answer's nonce`).toContain(`nonce="${nonce}"`);
  return nonce;
}

test("every kind of answer carries the security headers: pages, flights, errors, action answers, API routes, redirects and files", async ({ browser, request }) => {
  for (const url of ["/", "/sign-in", "/sign-up", "/forgot-password", "/reset-password?token=x", "/verify-email?token=x"]) await expectPageHeaders(request, url, 200);
  expect(await expectPageHeaders(request, "/no-such-page", 404), "a fresh nonce per answer").not.toBe(await expectPageHeaders(request, "/no-such-page", 404));
  expectBaseHeaders((await request.get("/dashboard", { maxRedirects: 0 })).headers(), "/dashboard signed out, a redirect");
  for (const url of ["/robots.txt", "/favicon.ico"]) expectBaseHeaders((await request.get(url)).headers(), url);

  const customer = await signedInAs(browser, "customer");
  for (const [url, status] of [["/dashboard", 200], ["/dashboard/security", 200], ["/dashboard/no-such-area", 404], ["/admin/users", 404]] as const) {
    await expectPageHeaders(customer.request, url, status);
  }
  const script = /<script\b[^>]*\bsrc="(\/_next\/static\/[^"]+\.js)"/.exec(await (await customer.request.get("/dashboard")).text())?.[1];
  expectBaseHeaders((await customer.request.get(script!)).headers(), script!);
  expectDocumentHeaders((await customer.request.get("/dashboard?_rsc=1", { headers: { rsc: "1" } })).headers(), "/dashboard as flight");
  const refused = await callAction(customer.request, findServerAction("setUserStatusAction"));
  expectDocumentHeaders(refused.headers, "a refused action call");
  const unknown = await callAction(customer.request, { id: `7f${"0".repeat(40)}`, name: "an unknown action", pages: ["/dashboard"] });
  expect(unknown.actionNotFound).toBe(true);
  expectDocumentHeaders(unknown.headers, "a call of an unknown action");
  const malformed = await customer.request.post("/dashboard", {
    headers: { "next-action": findServerAction("signOutAction").id, "content-type": "multipart/form-data; boundary=x" },
    data: "--x\r\nbroken",
  });
  expect(malformed.status()).toBe(400);
  expectDocumentHeaders(malformed.headers(), "a malformed action call");

  // Every route handler too, so a download route is covered the day it is added.
  const apiUrls = ["/api/auth/session", "/api/auth/csrf", "/api/auth/providers", "/api/no-such-route", ...listRouteHandlers().map((route) => route.url)];
  for (const url of apiUrls) expectApiHeaders((await headersOf(customer, url)).headers, url);
  // The bell's event stream, signed in: an answer that stays open.
  const stream = await headersOf(customer, "/api/notifications/stream");
  expect(stream.status).toBe(200);
  expect(stream.headers["content-type"]).toContain("text/event-stream");
  expectApiHeaders(stream.headers, "the notification stream");
  await customer.close();
});

/** The hash the app stores (lib/tokens.ts) of every token mailed so far, read from the e2e mailbox. */
function mailedTokenHashes(): string[] {
  const tokens = [...fs.readFileSync(mailbox, "utf8").matchAll(/token=([A-Za-z0-9_-]+)/g)].map(([, token]) => token!);
  return [...new Set(tokens)].map((token) => createHash("sha256").update(token).digest("hex"));
}

/**
 * A finder for any of `secrets` in a text. Hashes are hex (SHA-256) or base64 (an argon2 digest):
 * each is looked up in a Set among the text's runs of its alphabet, instead of scanning every body
 * once per secret (hundreds of users' hashes over hundreds of pages took minutes). A whole argon2
 * hash starts with "$argon2", itself a secret.
 */
function secretFinder(secrets: string[]): (text: string) => string | null {
  const known = new Set(secrets);
  const alphabets = [
    { only: /^[0-9a-f]+$/, chars: "[0-9a-f]" },
    { only: /^[A-Za-z0-9+/]+$/, chars: "[A-Za-z0-9+/]" },
  ]
    .map(({ only, chars }) => ({ only, chars, lengths: [...new Set(secrets.filter((secret) => only.test(secret)).map((secret) => secret.length))] }))
    .map(({ only, chars, lengths }) => ({ only, lengths, runs: lengths.length > 0 ? new RegExp(`${chars}{${Math.min(...lengths)},}`, "g") : null }));
  const literals = secrets.filter((secret) => !alphabets.some(({ only }) => only.test(secret)) && (secret === "$argon2" || !secret.startsWith("$argon2")));
  return (text) => {
    for (const literal of literals) if (text.includes(literal)) return literal;
    for (const { lengths, runs } of alphabets) {
      for (const [run] of runs ? text.matchAll(runs) : []) {
        for (const length of lengths) {
          for (let start = 0; start + length <= run.length; start++) {
            const window = run.slice(start, start + length);
            if (known.has(window)) return window;
          }
        }
      }
    }
    return null;
  };
}

test("no page, flight or API answer shows a password hash or a token hash, to a customer or to staff", async ({ browser }) => {
  // Every route as page and flight, for two roles: it grows with the product (about two minutes on PostgreSQL in CI).
  test.setTimeout(240_000);
  const findSecret = secretFinder(["$argon2", ...mailedTokenHashes(), ...(await database.storedSecrets())]);
  for (const [role, start] of [["customer", ["/dashboard", "/"]], ["admin", ["/admin", "/dashboard", "/"]]] as const) {
    const context = await signedInAs(browser, role);
    const answers = await crawl(context.request, [...start]);
    for (const url of ["/api/auth/session", "/api/auth/csrf", "/api/auth/providers", "/api/health"]) answers.push({ url, body: await (await context.request.get(url)).text() });
    for (const { url, body } of answers) {
      const found = findSecret(body);
      expect(found, `${role}: ${url} contains ${found?.slice(0, 10)}…`).toBeNull();
    }
    await context.close();
  }
});
