import { serverCookieOptions } from "@/lib/env";
import { TWO_FACTOR_CHALLENGE_TTL_SECONDS } from "@/lib/constants";

/** Holds a two-factor sign-in between its password step and its code step (the token, not the user). */
export const TWO_FACTOR_CHALLENGE_COOKIE = "clientdesk-2fa-challenge";

export function twoFactorChallengeCookieOptions() {
  return serverCookieOptions(TWO_FACTOR_CHALLENGE_TTL_SECONDS);
}
