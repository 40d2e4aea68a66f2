import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { getActiveSessionUser, revokeSessionById } from "@/db/queries/sessions";
import { describeError } from "@/lib/errors";
import { requestInfoFrom } from "@/lib/request-info";
import { signInSchema, twoFactorSignInSchema } from "@/lib/validations/auth";
import { authConfig } from "./config";
import { DEVICE_COOKIE, deviceCookieOptions } from "./device";
import { authenticate, completeTwoFactorSignIn, type RateLimitScope } from "./service";
import { TWO_FACTOR_CHALLENGE_COOKIE, twoFactorChallengeCookieOptions } from "./two-factor-challenge";

export class SignInRejected extends CredentialsSignin {
  constructor(
    readonly reason: "invalid" | "unverified" | "disabled" | "rate_limited" | "two_factor_required" | "invalid_code" | "challenge_expired",
    readonly retryAfterSeconds = 0,
    readonly scope: RateLimitScope = "address",
  ) {
    super();
  }
}

declare module "next-auth" {
  interface User {
    sessionId?: string;
  }
}

export const { handlers, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, code: {} },
      async authorize(credentials, request) {
        const info = requestInfoFrom(request.headers);
        const jar = await cookies();
        const deviceToken = jar.get(DEVICE_COOKIE)?.value;
        let result;
        if (credentials.code !== undefined) {
          // The second step: the code, and the challenge the password step left in this browser.
          const parsed = twoFactorSignInSchema.safeParse(credentials);
          if (!parsed.success) throw new SignInRejected("invalid_code");
          const challengeToken = jar.get(TWO_FACTOR_CHALLENGE_COOKIE)?.value;
          if (!challengeToken) throw new SignInRejected("challenge_expired");
          result = await completeTwoFactorSignIn({ challengeToken, code: parsed.data.code, deviceToken }, info);
          if (result.status !== "invalid_code" && result.status !== "rate_limited") jar.delete(TWO_FACTOR_CHALLENGE_COOKIE);
        } else {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) throw new SignInRejected("invalid");
          result = await authenticate({ ...parsed.data, deviceToken }, info);
          if (result.status === "two_factor_required") {
            jar.set(TWO_FACTOR_CHALLENGE_COOKIE, result.challengeToken, twoFactorChallengeCookieOptions());
            throw new SignInRejected("two_factor_required");
          }
        }
        if (result.status === "rate_limited") throw new SignInRejected("rate_limited", result.retryAfterSeconds, result.scope);
        if (result.status !== "ok") throw new SignInRejected(result.status);
        jar.set(DEVICE_COOKIE, result.deviceToken, deviceCookieOptions());
        return { id: result.user.id, email: result.user.email, name: result.user.name, sessionId: result.sessionId };
      },
    }),
  ],
  callbacks: {
    // The cookie carries only the id of the server-side session; lib/session.ts checks it on every request.
    jwt({ token, user }) {
      if (user?.sessionId) return { sid: user.sessionId, sub: user.id };
      return typeof token.sid === "string" ? token : null;
    },
    /** Only Auth.js's own /api/auth/session endpoint comes here; it gets the same check as pages. */
    async session({ session, token }) {
      const current = typeof token.sid === "string" ? await getActiveSessionUser(token.sid) : null;
      if (!current) return { ...session, user: undefined as never };
      return { ...session, user: { ...session.user, id: current.id, name: current.name, email: current.email } };
    },
  },
  events: {
    // Every sign-out path (our action, or a POST to /api/auth/signout) ends the server-side session too.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid !== "string") return;
      try {
        await revokeSessionById(sid);
      } catch (error) {
        console.error(`[auth] could not revoke the session at sign-out: ${describeError(error)}`);
      }
    },
  },
});
