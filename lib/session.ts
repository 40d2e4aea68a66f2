import "server-only";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { isDatabaseUnavailable } from "@/db/errors";
import { getActiveSessionUser, type SessionUser } from "@/db/queries/sessions";
import { isStaff } from "@/lib/actor";
import { readSessionToken } from "@/lib/auth/session-token";
import { authSecret, secureCookies } from "@/lib/env";
import { describeError } from "@/lib/errors";
import { reportServiceUnavailable } from "@/lib/request-context";
import { safeCallbackPath } from "@/lib/validations/auth";

function sessionCookieName(): string {
  return `${secureCookies() ? "__Secure-" : ""}authjs.session-token`;
}

type SessionState = { user: SessionUser } | { user: null; ended: boolean };

/**
 * Who is asking, once per request: the cookie is decrypted (never re-issued) and the session it
 * names is checked against its row. `ended` means a cookie was sent but its session is over.
 */
const getSessionState = cache(async (): Promise<SessionState> => {
  const name = sessionCookieName();
  const token = (await cookies()).get(name)?.value;
  if (!token) return { user: null, ended: false };
  const payload = await readSessionToken(token, authSecret(), name);
  if (typeof payload?.sid !== "string") return { user: null, ended: true };
  try {
    const user = await getActiveSessionUser(payload.sid);
    return user ? { user } : { user: null, ended: true };
  } catch (error) {
    // An outage must answer 503, not pass for "signed out" and bounce to sign-in; a bug stays a 500.
    if (!isDatabaseUnavailable(error)) throw error;
    reportServiceUnavailable();
    console.error(`[auth] session check failed: ${describeError(error)}`);
    throw new Error("The session store is unavailable.");
  }
});

export async function getSessionUser(): Promise<SessionUser | null> {
  return (await getSessionState()).user;
}

/** The page being rendered, as the proxy recorded it, to come back to after signing in. */
async function currentPath(): Promise<string | null> {
  return safeCallbackPath((await headers()).get("x-clientdesk-path"), null);
}

export async function requireUser(): Promise<SessionUser> {
  const state = await getSessionState();
  if (state.user) return state.user;
  const search = new URLSearchParams();
  const path = await currentPath();
  if (path) search.set("callbackUrl", path);
  if (state.ended) search.set("reason", "session-ended");
  redirect(`/sign-in${search.size > 0 ? `?${search}` : ""}`);
}

/**
 * Anyone but an admin gets the 404 page: /admin does not admit it exists. An admin without
 * two-factor sign-in is sent to turn it on first.
 */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "admin") notFound();
  if (!isStaff(user)) redirect(STAFF_TWO_FACTOR_PATH);
  return user;
}

/** Where staff without two-factor sign-in are sent before the staff area opens. */
export const STAFF_TWO_FACTOR_PATH = "/dashboard/security/two-factor";

/** Where a user goes after signing in when no page asked for them: staff to /admin. */
export function homePathFor(user: { role: "customer" | "admin" }): string {
  return user.role === "admin" ? "/admin" : "/dashboard";
}
