import { z } from "zod";
import { findCustomerAccounts } from "@/db/queries/call-ingest";
import { getCallPreferences } from "@/db/queries/call-preferences";
import { getAccountDataSharing } from "@/db/queries/users";
import { platformRoute } from "@/lib/platform/http";

function notFound(): Response {
  return Response.json({ error: { code: "not_found", message: "There is no customer account with this id.", fields: { id: "There is no customer account with this id." } } }, { status: 404 });
}

/**
 * How the platform handles this customer's calls: their saved preferences (or the defaults), and
 * `dataSharing`, whether it may use the account's calls to improve the service (the owner's choice).
 */
export const GET = platformRoute(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success || !(await findCustomerAccounts([id.data])).has(id.data)) return notFound();
  const [preferences, dataSharing] = await Promise.all([getCallPreferences(id.data), getAccountDataSharing(id.data)]);
  return Response.json({ accountId: id.data, preferences, dataSharing });
});
