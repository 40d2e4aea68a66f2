import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getActiveSessionUser, type SessionUser } from "@/db/queries/sessions";
import { describeError } from "@/lib/errors";
import { negotiateLocale } from "@/lib/i18n/config";
import { requestInfoFrom } from "@/lib/request-info";
import { signInSchema } from "@/lib/validations/auth";
import { authConfig } from "./config";
import { authenticate } from "./service";

export class SignInRejected extends CredentialsSignin {
  constructor(
    readonly code: "invalid" | "unverified" | "disabled" | "rate_limited",
    readonly retryAfterSeconds = 0,
  ) {
    super();
  }
}

declare module "next-auth" {
  interface Session {
    user: SessionUser & { email: string };
    /** Set when the session store could not be asked; the caller must not treat it as signed out. */
    unavailable?: boolean;
  }
  interface User {
    sessionId?: string;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new SignInRejected("invalid");
        const info = requestInfoFrom(request.headers);
        const locale = negotiateLocale(request.headers.get("accept-language"));
        const result = await authenticate({ ...parsed.data, locale }, info);
        if (result.status === "ok") return { ...result.user, sessionId: result.sessionId };
        if (result.status === "rate_limited") throw new SignInRejected("rate_limited", result.retryAfterSeconds);
        throw new SignInRejected(result.status);
      },
    }),
  ],
  callbacks: {
    /** Every request re-checks the server-side session: revoked, disabled or deleted ends it. */
    async jwt({ token, user }) {
      if (user?.sessionId) token.sid = user.sessionId;
      if (typeof token.sid !== "string") return null;
      try {
        const current = await getActiveSessionUser(token.sid);
        if (!current) return null;
        return { sid: current.sessionId, sub: current.id, user: current };
      } catch (error) {
        // Auth.js would swallow this and sign the user out; keep the session and report the outage.
        console.error(`[auth] session check failed: ${describeError(error)}`);
        return { sid: token.sid, unavailable: true };
      }
    },
    session({ session, token }) {
      if (token.unavailable) return { ...session, unavailable: true };
      const current = (token as { user?: SessionUser }).user;
      if (current) session.user = { ...session.user, ...current };
      return session;
    },
  },
});
