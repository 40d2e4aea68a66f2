ALTER TABLE "user_settings" ADD COLUMN "preferences_saved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "user_settings" ADD COLUMN "security_reviewed_at" timestamp with time zone;