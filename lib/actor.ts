import type { UserRole } from "@/lib/constants";

/**
 * Who a domain service acts for: the signed-in user (a SessionUser fits), or later a token's user.
 * Services decide what the actor may do from this alone, never from ids in the request.
 */
export type Actor = {
  id: string;
  role: UserRole;
  accountId: string | null;
  /** Staff services refuse staff without two-factor sign-in (see assertStaff). */
  twoFactorEnabled: boolean;
  /** The session the request came with, when it came from a browser. */
  sessionId?: string;
};

/**
 * Whether the actor may act as staff: the admin role and two-factor sign-in turned on. Pages,
 * actions and services all ask this one question, so a staff password alone is never enough.
 */
export function isStaff(actor: Pick<Actor, "role" | "twoFactorEnabled">): boolean {
  return actor.role === "admin" && actor.twoFactorEnabled;
}
