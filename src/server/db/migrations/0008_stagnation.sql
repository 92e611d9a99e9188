CREATE TABLE "escalation_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stagnation_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"level" smallint NOT NULL,
	"level_key" text NOT NULL,
	"organisation_id" uuid,
	"notified_user_id" uuid,
	"notified_name" text DEFAULT '' NOT NULL,
	"notified_email" text DEFAULT '' NOT NULL,
	"trigger" text NOT NULL,
	"triggered_by" uuid,
	"briefing" jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"deadline" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "stagnation_outreach" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stagnation_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"type" text NOT NULL,
	"client_reasons" text DEFAULT '' NOT NULL,
	"partner_reasons" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stagnation_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"description" text NOT NULL,
	"member_id" uuid,
	"source" text DEFAULT 'professional' NOT NULL,
	"reported_by" uuid,
	"reported_by_member_id" uuid,
	"organisation_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stagnation_settings" (
	"region_id" uuid PRIMARY KEY NOT NULL,
	"consecutive_no_shows" smallint NOT NULL,
	"no_contact_days" smallint NOT NULL,
	"action_overdue_days" smallint NOT NULL,
	"referral_answer_working_days" smallint NOT NULL,
	"waitlist_max_weeks" smallint NOT NULL,
	"evaluation_overdue_days" smallint NOT NULL,
	"agreed_plan_days" smallint NOT NULL,
	"ladder" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stagnation_sweeps" (
	"name" text PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"watermark" timestamp with time zone,
	"last_started_at" timestamp with time zone,
	"last_finished_at" timestamp with time zone,
	"last_duration_ms" integer,
	"households" integer DEFAULT 0 NOT NULL,
	"opened" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"escalated" integer DEFAULT 0 NOT NULL,
	"runs" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stagnations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"cause_key" text NOT NULL,
	"kind" text NOT NULL,
	"member_id" uuid,
	"organisation_id" uuid,
	"partner_user_id" uuid,
	"assignee" text,
	"referral_id" uuid,
	"evaluation_id" uuid,
	"report_id" uuid,
	"since" timestamp with time zone NOT NULL,
	"evidence_at" timestamp with time zone NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"level" smallint DEFAULT 0 NOT NULL,
	"step_started_at" timestamp with time zone NOT NULL,
	"step_deadline" timestamp with time zone,
	"resolution_type" text,
	"resolution_note" text DEFAULT '' NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"auto_resolved_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "escalation_steps" ADD CONSTRAINT "escalation_steps_stagnation_id_stagnations_id_fk" FOREIGN KEY ("stagnation_id") REFERENCES "public"."stagnations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_steps" ADD CONSTRAINT "escalation_steps_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_steps" ADD CONSTRAINT "escalation_steps_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_steps" ADD CONSTRAINT "escalation_steps_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_steps" ADD CONSTRAINT "escalation_steps_notified_user_id_users_id_fk" FOREIGN KEY ("notified_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_steps" ADD CONSTRAINT "escalation_steps_triggered_by_users_id_fk" FOREIGN KEY ("triggered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_steps" ADD CONSTRAINT "escalation_steps_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stagnation_outreach" ADD CONSTRAINT "stagnation_outreach_stagnation_id_stagnations_id_fk" FOREIGN KEY ("stagnation_id") REFERENCES "public"."stagnations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stagnation_outreach" ADD CONSTRAINT "stagnation_outreach_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stagnation_outreach" ADD CONSTRAINT "stagnation_outreach_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stagnation_reports" ADD CONSTRAINT "stagnation_reports_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stagnation_reports" ADD CONSTRAINT "stagnation_reports_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stagnation_reports" ADD CONSTRAINT "stagnation_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stagnation_reports" ADD CONSTRAINT "stagnation_reports_reported_by_member_id_members_id_fk" FOREIGN KEY ("reported_by_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stagnation_reports" ADD CONSTRAINT "stagnation_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stagnation_settings" ADD CONSTRAINT "stagnation_settings_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stagnation_settings" ADD CONSTRAINT "stagnation_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stagnation_sweeps" ADD CONSTRAINT "stagnation_sweeps_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stagnations" ADD CONSTRAINT "stagnations_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stagnations" ADD CONSTRAINT "stagnations_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stagnations" ADD CONSTRAINT "stagnations_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stagnations" ADD CONSTRAINT "stagnations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stagnations" ADD CONSTRAINT "stagnations_partner_user_id_users_id_fk" FOREIGN KEY ("partner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stagnations" ADD CONSTRAINT "stagnations_report_id_stagnation_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."stagnation_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stagnations" ADD CONSTRAINT "stagnations_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stagnations" ADD CONSTRAINT "stagnations_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "escalation_steps_stagnation_idx" ON "escalation_steps" USING btree ("stagnation_id","level");--> statement-breakpoint
CREATE INDEX "escalation_steps_notified_idx" ON "escalation_steps" USING btree ("notified_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "escalation_steps_level_uq" ON "escalation_steps" USING btree ("stagnation_id","level");--> statement-breakpoint
CREATE INDEX "stagnation_outreach_stagnation_idx" ON "stagnation_outreach" USING btree ("stagnation_id");--> statement-breakpoint
CREATE INDEX "stagnation_reports_household_idx" ON "stagnation_reports" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stagnations_one_unresolved_uq" ON "stagnations" USING btree ("cause_key") WHERE "stagnations"."status" <> 'resolved';--> statement-breakpoint
CREATE INDEX "stagnations_household_idx" ON "stagnations" USING btree ("household_id","status");--> statement-breakpoint
CREATE INDEX "stagnations_region_open_idx" ON "stagnations" USING btree ("region_id","step_deadline") WHERE "stagnations"."status" <> 'resolved';--> statement-breakpoint
CREATE INDEX "stagnations_organisation_idx" ON "stagnations" USING btree ("organisation_id");