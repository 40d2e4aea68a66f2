CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "agent_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"role" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agent_assignments_dates" CHECK ("agent_assignments"."ends_on" is null or "agent_assignments"."ends_on" >= "agent_assignments"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "agent_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"requested_by_id" uuid,
	"agent_id" uuid,
	"replaces_assignment_id" uuid,
	"language" text,
	"specialty" text,
	"notes" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decline_reason" text,
	"assignment_id" uuid,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"specialties" text[] DEFAULT '{}'::text[] NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"avatar_file_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_hourly_stats" (
	"account_id" uuid NOT NULL,
	"agent_id" uuid,
	"hour" timestamp with time zone NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"total_seconds" bigint DEFAULT 0 NOT NULL,
	"completed_seconds" bigint DEFAULT 0 NOT NULL,
	"billed_minutes" bigint DEFAULT 0 NOT NULL,
	"rated_calls" integer DEFAULT 0 NOT NULL,
	"satisfaction_sum" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "call_hourly_stats_unique" UNIQUE NULLS NOT DISTINCT("account_id","hour","agent_id")
);
--> statement-breakpoint
CREATE TABLE "call_preferences" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"recording_consent" boolean DEFAULT false NOT NULL,
	"auto_record" boolean DEFAULT false NOT NULL,
	"ai_assistance" boolean DEFAULT true NOT NULL,
	"call_quality" text DEFAULT 'high' NOT NULL,
	"noise_cancellation" boolean DEFAULT true NOT NULL,
	"auto_answer" boolean DEFAULT false NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"requested_by_id" uuid,
	"to_number" text NOT NULL,
	"agent_id" uuid,
	"scheduled_for" timestamp with time zone,
	"notes" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"claimed_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_totals" (
	"account_id" uuid NOT NULL,
	"agent_id" uuid,
	"calls" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"total_seconds" bigint DEFAULT 0 NOT NULL,
	"completed_seconds" bigint DEFAULT 0 NOT NULL,
	"billed_minutes" bigint DEFAULT 0 NOT NULL,
	"rated_calls" integer DEFAULT 0 NOT NULL,
	"satisfaction_sum" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "call_totals_unique" UNIQUE NULLS NOT DISTINCT("account_id","agent_id")
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"agent_id" uuid,
	"direction" text NOT NULL,
	"status" text NOT NULL,
	"from_number" text NOT NULL,
	"to_number" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"duration_seconds" integer NOT NULL,
	"recording_file_id" uuid,
	"transcript" text,
	"summary" text,
	"satisfaction" integer,
	"cost" integer DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"platform_call_id" text,
	"call_request_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_satisfaction_range" CHECK ("calls"."satisfaction" is null or "calls"."satisfaction" between 1 and 5),
	CONSTRAINT "calls_amounts" CHECK ("calls"."duration_seconds" >= 0 and "calls"."cost" >= 0)
);
--> statement-breakpoint
CREATE TABLE "platform_api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_by_id" uuid,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agent_assignments" ADD CONSTRAINT "agent_assignments_account_id_customer_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_assignments" ADD CONSTRAINT "agent_assignments_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_assignments" ADD CONSTRAINT "agent_assignments_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_requests" ADD CONSTRAINT "agent_requests_account_id_customer_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_requests" ADD CONSTRAINT "agent_requests_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_requests" ADD CONSTRAINT "agent_requests_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_requests" ADD CONSTRAINT "agent_requests_replaces_assignment_id_agent_assignments_id_fk" FOREIGN KEY ("replaces_assignment_id") REFERENCES "public"."agent_assignments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_requests" ADD CONSTRAINT "agent_requests_assignment_id_agent_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."agent_assignments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_requests" ADD CONSTRAINT "agent_requests_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agents" ADD CONSTRAINT "agents_avatar_file_id_stored_files_id_fk" FOREIGN KEY ("avatar_file_id") REFERENCES "public"."stored_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_hourly_stats" ADD CONSTRAINT "call_hourly_stats_account_id_customer_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_hourly_stats" ADD CONSTRAINT "call_hourly_stats_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_preferences" ADD CONSTRAINT "call_preferences_account_id_customer_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_preferences" ADD CONSTRAINT "call_preferences_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_requests" ADD CONSTRAINT "call_requests_account_id_customer_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_requests" ADD CONSTRAINT "call_requests_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_requests" ADD CONSTRAINT "call_requests_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_totals" ADD CONSTRAINT "call_totals_account_id_customer_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_totals" ADD CONSTRAINT "call_totals_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_account_id_customer_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_recording_file_id_stored_files_id_fk" FOREIGN KEY ("recording_file_id") REFERENCES "public"."stored_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_call_request_id_call_requests_id_fk" FOREIGN KEY ("call_request_id") REFERENCES "public"."call_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_api_keys" ADD CONSTRAINT "platform_api_keys_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_api_keys" ADD CONSTRAINT "platform_api_keys_revoked_by_id_users_id_fk" FOREIGN KEY ("revoked_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agent_assignments_account_idx" ON "agent_assignments" USING btree ("account_id","starts_on");--> statement-breakpoint
CREATE INDEX "agent_assignments_agent_idx" ON "agent_assignments" USING btree ("agent_id");--> statement-breakpoint
CREATE INDEX "agent_requests_account_idx" ON "agent_requests" USING btree ("account_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "agent_requests_status_idx" ON "agent_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "agents_name_idx" ON "agents" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "call_requests_account_idx" ON "call_requests" USING btree ("account_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "call_requests_status_due_idx" ON "call_requests" USING btree ("status","scheduled_for");--> statement-breakpoint
CREATE UNIQUE INDEX "calls_platform_call_unique" ON "calls" USING btree ("platform_call_id");--> statement-breakpoint
CREATE INDEX "calls_account_started_idx" ON "calls" USING btree ("account_id","started_at","id");--> statement-breakpoint
CREATE INDEX "calls_account_status_started_idx" ON "calls" USING btree ("account_id","status","started_at","id");--> statement-breakpoint
CREATE INDEX "calls_account_direction_started_idx" ON "calls" USING btree ("account_id","direction","started_at","id");--> statement-breakpoint
CREATE INDEX "calls_account_agent_started_idx" ON "calls" USING btree ("account_id","agent_id","started_at","id");--> statement-breakpoint
CREATE INDEX "calls_account_duration_idx" ON "calls" USING btree ("account_id","duration_seconds","id");--> statement-breakpoint
CREATE INDEX "calls_account_satisfaction_idx" ON "calls" USING btree ("account_id",coalesce("satisfaction", 0),"id");--> statement-breakpoint
CREATE INDEX "calls_search_trgm_idx" ON "calls" USING gin (("from_number" || ' ' || "to_number" || ' ' || coalesce("summary", '')) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "calls_started_idx" ON "calls" USING btree ("started_at","id");--> statement-breakpoint
CREATE INDEX "calls_call_request_idx" ON "calls" USING btree ("call_request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_api_keys_hash_unique" ON "platform_api_keys" USING btree ("key_hash");