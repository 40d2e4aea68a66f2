import type { NextAuthConfig } from "next-auth";

/** The database-free part of the auth setup, shared by the proxy and the full config. */
export const authConfig = {
  pages: { signIn: "/sign-in", error: "/sign-in" },
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  trustHost: process.env.AUTH_TRUST_HOST === "true" || undefined,
  providers: [],
  logger: {
    // Wrong passwords are expected; their stack traces are noise. Real errors still log.
    error(error) {
      if (error.name === "CredentialsSignin") return;
      console.error(`[auth] ${error.name}: ${error.message}`);
    },
    warn(code) {
      console.warn(`[auth] warning: ${code}`);
    },
  },
} satisfies NextAuthConfig;
