import type { NextAuthConfig } from "next-auth";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/constants";
import { describeError } from "@/lib/errors";

/**
 * The cookie lives as long as a session may (its absolute lifetime) and is never re-issued: the
 * idle timeout and revocation are enforced against the session's row on every request.
 */
export const authConfig = {
  pages: { signIn: "/sign-in", error: "/sign-in" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  useSecureCookies: (process.env.AUTH_URL ?? "").startsWith("https://"),
  trustHost: process.env.AUTH_TRUST_HOST === "true" || undefined,
  providers: [],
  logger: {
    // Wrong passwords are expected; their stack traces are noise. Real errors still log.
    error(error) {
      // `type` survives minification; `name` does not.
      const type = (error as { type?: string }).type ?? error.name;
      if (type === "CredentialsSignin") return;
      console.error(`[auth] ${type}: ${describeError(error)}`);
    },
    warn(code) {
      console.warn(`[auth] warning: ${code}`);
    },
  },
} satisfies NextAuthConfig;
