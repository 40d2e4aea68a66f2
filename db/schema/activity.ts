import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
// Relative, not "@/": drizzle-kit loads the schema without the project's path aliases.
import { activityAreas } from "../../lib/constants";
import { customerAccounts } from "./accounts";
import { users } from "./users";

export { activityAreas };
export type { ActivityArea } from "@/lib/constants";

/**
 * The customer's timeline: one row per thing that happened, written in the same transaction as the
 * change. Like notifications, the text is rendered from `type` and `params` in the reader's language.
 */
export const activityEvents = pgTable(
  "activity_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => customerAccounts.id, { onDelete: "cascade" }),
    area: text({ enum: activityAreas }).notNull(),
    type: text().notNull(),
    params: jsonb().$type<Record<string, string | number | boolean>>().notNull().default({}),
    link: text(),
    // Who did it (null: staff or the system); shown by name.
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    // A security event is shown only to the member it concerns (and to staff), not to colleagues.
    onlyForUserId: uuid().references(() => users.id, { onDelete: "cascade" }),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // The feed pages newest first by (occurred_at, id), all areas or one. NULLS FIRST is what a plain
    // ORDER BY … DESC means: with NULLS LAST the planner cannot read the index in the feed's order.
    index("activity_events_account_idx").on(table.accountId, table.occurredAt.desc().nullsFirst(), table.id.desc().nullsFirst()),
    index("activity_events_account_area_idx").on(table.accountId, table.area, table.occurredAt.desc().nullsFirst(), table.id.desc().nullsFirst()),
  ],
);

export type ActivityEvent = typeof activityEvents.$inferSelect;
