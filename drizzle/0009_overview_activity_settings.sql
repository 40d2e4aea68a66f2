CREATE TABLE "activity_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"area" text NOT NULL,
	"type" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"link" text,
	"actor_id" uuid,
	"only_for_user_id" uuid,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user_settings" ADD COLUMN "date_format" text DEFAULT 'locale' NOT NULL;--> statement-breakpoint
ALTER TABLE "user_settings" ADD COLUMN "time_format" text DEFAULT 'locale' NOT NULL;--> statement-breakpoint
ALTER TABLE "user_settings" ADD COLUMN "dashboard_density" text DEFAULT 'default' NOT NULL;--> statement-breakpoint
ALTER TABLE "user_settings" ADD COLUMN "overview_layout" jsonb;--> statement-breakpoint
ALTER TABLE "user_settings" ADD COLUMN "profile_visible_to_staff" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "user_settings" ADD COLUMN "data_sharing" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_accounts" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD COLUMN "in_app" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD COLUMN "sms" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "activity_events" ADD CONSTRAINT "activity_events_account_id_customer_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_events" ADD CONSTRAINT "activity_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_events" ADD CONSTRAINT "activity_events_only_for_user_id_users_id_fk" FOREIGN KEY ("only_for_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_events_account_idx" ON "activity_events" USING btree ("account_id","occurred_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "activity_events_account_area_idx" ON "activity_events" USING btree ("account_id","area","occurred_at" DESC NULLS LAST,"id" DESC NULLS LAST);