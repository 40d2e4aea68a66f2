import { tokenEndpoints } from "@/lib/api/endpoints/token";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute(tokenEndpoints.get, async ({ caller }) => ({
  body: {
    id: caller.tokenId,
    scopes: caller.scopes,
    expiresAt: caller.expiresAt?.toISOString() ?? null,
    user: { id: caller.user.id, name: caller.user.name, email: caller.user.email, accountId: caller.user.accountId },
  },
}));
