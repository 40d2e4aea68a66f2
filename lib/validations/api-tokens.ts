import { z } from "zod";
import { API_TOKEN_NAME_MAX, apiScopeAreas, apiScopes, apiTokenExpiryDays, PASSWORD_MAX, type ApiScope } from "@/lib/constants";

// Messages are keys into the `validation` namespace, or full keys of `apiTokens.validation`.

/** The form's radio group of one area: `scope.calls` is "none", "read" or "write". */
export const scopeField = (area: (typeof apiScopeAreas)[number]) => `scope.${area}`;

/** The areas' radio groups gathered into the scopes a token stores ("none" adds nothing). */
function gatherScopes(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const fields = value as Record<string, unknown>;
  const scopes = apiScopeAreas.flatMap((area) => {
    const access = fields[scopeField(area)];
    return access === undefined || access === "none" ? [] : [`${area}:${String(access)}`];
  });
  return { ...fields, scopes };
}

const expiryChoices: [string, ...string[]] = ["never", ...apiTokenExpiryDays.map(String)];

export const createApiTokenSchema = z.preprocess(
  gatherScopes,
  z.object({
    name: z.string().trim().min(1, "apiTokens.validation.nameRequired").max(API_TOKEN_NAME_MAX, "apiTokens.validation.nameTooLong"),
    scopes: z.array(z.enum(apiScopes, "apiTokens.validation.scopeInvalid")).min(1, "apiTokens.validation.scopesRequired") as z.ZodType<ApiScope[]>,
    expiresInDays: z.enum(expiryChoices, "apiTokens.validation.expiryInvalid").transform((value) => (value === "never" ? null : (Number(value) as (typeof apiTokenExpiryDays)[number]))),
    currentPassword: z.string().min(1, "passwordRequired").max(PASSWORD_MAX, "passwordTooLong"),
  }),
);
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ tokenId: z.uuid("invalid") });

export const staffRevokeApiTokenSchema = z.object({ userId: z.uuid("invalid"), tokenId: z.uuid("invalid") });
