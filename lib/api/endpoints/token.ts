import { z } from "zod";
import { apiScopes } from "@/lib/constants";
import { defineEndpoint } from "../endpoint";

export const apiTokenSchema = z
  .object({
    id: z.uuid(),
    scopes: z.array(z.enum(apiScopes)).meta({ description: "What the token may do: `area:read` or `area:write` (write includes read)." }),
    expiresAt: z.iso.datetime({ offset: true }).nullable().meta({ description: "When the token stops working; null: never." }),
    user: z.object({ id: z.uuid(), name: z.string(), email: z.email(), accountId: z.uuid().nullable() }),
  })
  .meta({ id: "Token" });

export const tokenEndpoints = {
  get: defineEndpoint({
    method: "GET",
    path: "/token",
    operationId: "getToken",
    tag: "Token",
    summary: "Describe the token making the request",
    description: "Who the token acts for and what it may do. Needs no particular scope.",
    scope: null,
    responses: { 200: { description: "The token.", schema: apiTokenSchema } },
  }),
};
