import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { SessionUser } from "@/db/queries/sessions";
import { auth } from "@/lib/auth";

/** Who is asking, checked against the session table once per request; null when signed out. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  // An outage must show the error page, not pass for "signed out" and bounce to sign-in.
  if (session?.unavailable) throw new Error("The session store is unavailable.");
  return session?.user?.id ? session.user : null;
});

export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  return user;
}

/** Anyone but an admin gets the 404 page: /admin does not admit it exists. */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "admin") notFound();
  return user;
}
