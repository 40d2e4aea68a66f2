DROP INDEX "activity_events_account_idx";--> statement-breakpoint
DROP INDEX "activity_events_account_area_idx";--> statement-breakpoint
CREATE INDEX "activity_events_account_idx" ON "activity_events" USING btree ("account_id","occurred_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "activity_events_account_area_idx" ON "activity_events" USING btree ("account_id","area","occurred_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);