import type { NextAuthConfig } from "next-auth";
import { describeError } from "@/lib/errors";

/** The database-free part of the auth setup, shared by the proxy and the full config. */
export const authConfig = {
  pages: { signIn: "/sign-in", error: "/sign-in" },
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
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
