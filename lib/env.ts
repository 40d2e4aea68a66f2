import "server-only";

/** The public origin of the app. Links in emails are built from it, never from the request's Host. */
export function appUrl(): string {
  return (process.env.AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
}

/** Cookies get the Secure flag (and Auth.js its `__Secure-` names) when the app is served over HTTPS. */
export function secureCookies(): boolean {
  return appUrl().startsWith("https://");
}

/** The key of the session cookie's encryption and of the device cookie's signature. */
export function authSecret(): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: start the app with `npm start`, or set it yourself.");
  return secret;
}

/** A first-party cookie only the server reads, kept for `maxAgeSeconds` (Secure over HTTPS). */
export function serverCookieOptions(maxAgeSeconds: number) {
  return { httpOnly: true, sameSite: "lax" as const, secure: secureCookies(), path: "/", maxAge: maxAgeSeconds };
}

export function smtpUrl(): string | undefined {
  return process.env.SMTP_URL || undefined;
}

export function mailFrom(): string {
  return process.env.MAIL_FROM ?? "Clientdesk <no-reply@clientdesk.test>";
}

/**
 * WEBHOOK_ALLOW_PRIVATE_TARGETS=true lets webhook endpoints point at loopback addresses (127.0.0.0/8,
 * ::1, "localhost") and use plain http, for local development and tests. Private, link-local and the
 * other internal ranges stay refused even then. Production leaves it unset.
 */
export function webhookLoopbackAllowed(): boolean {
  return process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS === "true";
}
