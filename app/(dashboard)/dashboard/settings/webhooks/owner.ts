import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import type { SessionUser } from "@/db/queries/sessions";
import { requireUser } from "@/lib/session";
import { canManageWebhooks } from "@/lib/webhooks/service";

/** Webhooks belong to the open account's owner: for members and staff these pages do not exist. */
export async function requireWebhookOwner(): Promise<SessionUser> {
  const user = await requireUser();
  if (!(await canManageWebhooks(user))) notFound();
  return user;
}

/** A malformed id is the same 404 as an unknown one. */
export function isUuid(id: string): boolean {
  return z.uuid().safeParse(id).success;
}
