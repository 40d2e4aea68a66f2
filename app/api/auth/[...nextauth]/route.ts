import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { AppError } from "@/lib/errors";

export const { GET } = handlers;

/**
 * Signing in goes through the sign-in page's action, which also ends a session it replaces. Auth.js's
 * own credentials callback would be a second way in without that rule, so it does not answer.
 */
export async function POST(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname.startsWith("/api/auth/callback/")) return new AppError("not_found", "Not found.").toResponse();
  return handlers.POST(request);
}
