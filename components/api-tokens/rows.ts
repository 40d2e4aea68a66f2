import "server-only";
import type { ApiTokenRow } from "@/db/queries/api-tokens";
import { apiTokenStatus } from "@/lib/api/tokens";
import type { DateFormatter } from "@/lib/i18n/date-format";
import type { ApiTokenView } from "./api-token-list";

/** The tokens as both lists show them (the owner's Security page and the staff user page), dates in the reader's format. */
export function apiTokenViews(tokens: ApiTokenRow[], dates: DateFormatter, now: Date = new Date()): ApiTokenView[] {
  return tokens.map((token) => ({
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    scopes: token.scopes,
    created: dates.dateTime(token.createdAt),
    lastUsed: token.lastUsedAt ? dates.dateTime(token.lastUsedAt) : null,
    expires: token.expiresAt ? dates.date(token.expiresAt) : null,
    status: apiTokenStatus(token, now),
  }));
}
