import "server-only";
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { authSecret, serverCookieOptions } from "@/lib/env";

/**
 * A browser that has signed in to an account before carries a signed device cookie (OWASP's
 * "device cookies"): the per-account lock after repeated wrong passwords does not apply to it,
 * so a stranger guessing passwords cannot lock the owner out of their own browsers.
 */
export const DEVICE_COOKIE = "clientdesk-device";
const DEVICE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

function signature(userId: string, deviceId: string): string {
  return createHmac("sha256", authSecret()).update(`device-cookie:${userId}:${deviceId}`).digest("base64url");
}

export function issueDeviceToken(userId: string): string {
  const deviceId = randomUUID();
  return `${userId}.${deviceId}.${signature(userId, deviceId)}`;
}

/** The device's id when the token is genuine and was issued to this user, else null. */
export function trustedDeviceId(token: string | null | undefined, userId: string | undefined): string | null {
  if (!token || !userId || token.length > 200) return null;
  const [tokenUser, deviceId, given] = token.split(".");
  if (tokenUser !== userId || !deviceId || !given) return null;
  const expected = Buffer.from(signature(userId, deviceId));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? deviceId : null;
}

export function deviceCookieOptions() {
  return serverCookieOptions(DEVICE_COOKIE_MAX_AGE);
}
