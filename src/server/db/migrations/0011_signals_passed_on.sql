ALTER TABLE "signals" ADD COLUMN "picked_up_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "picked_up_by" uuid;--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_picked_up_by_users_id_fk" FOREIGN KEY ("picked_up_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "signals_referred_idx" ON "signals" USING btree ("referred_organisation_id");