-- Stagnation: grants, row-level security, and the narrowly scoped reads of the stagnation sweep.
-- The sweep runs without a user (schakel.actor empty) under the explicit purpose 'stagnation_sweep' and one region
-- (schakel.region); it may only READ the facts it needs and write stagnation tables of that region.
CREATE FUNCTION schakel_stagnation_sweep() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT schakel_purpose() = 'stagnation_sweep' AND schakel_actor() IS NULL
$$;
--> statement-breakpoint
CREATE FUNCTION schakel_sweep_region() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN schakel_stagnation_sweep() THEN nullif(current_setting('schakel.region', true), '')::uuid END
$$;
--> statement-breakpoint
CREATE FUNCTION schakel_stagnation_board(region uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM users u WHERE u.id = schakel_actor() AND u.active AND u.region_id = region
    AND 'process_manager' = ANY (u.roles))
$$;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON stagnation_settings, stagnation_sweeps TO schakel_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON stagnations, escalation_steps TO schakel_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON stagnation_reports, stagnation_outreach TO schakel_app;
--> statement-breakpoint
ALTER TABLE stagnations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE stagnations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE escalation_steps ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE escalation_steps FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE stagnation_reports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE stagnation_reports FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE stagnation_outreach ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE stagnation_outreach FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Stagnations: whoever sees the household; the sweep of its region; the region's process managers for the board
-- (the board aggregates and never returns a household; households stay hidden by their own policy).
CREATE POLICY stagnations_select ON stagnations FOR SELECT USING (
  schakel_household_visible(household_id)
  OR region_id = schakel_sweep_region()
  OR schakel_stagnation_board(region_id));
--> statement-breakpoint
CREATE POLICY stagnations_insert ON stagnations FOR INSERT WITH CHECK (
  schakel_household_visible(household_id) OR region_id = schakel_sweep_region());
--> statement-breakpoint
CREATE POLICY stagnations_update ON stagnations FOR UPDATE
  USING (schakel_household_coordinated(household_id) OR region_id = schakel_sweep_region())
  WITH CHECK (schakel_household_coordinated(household_id) OR region_id = schakel_sweep_region());
--> statement-breakpoint
CREATE POLICY escalation_steps_select ON escalation_steps FOR SELECT USING (
  schakel_household_visible(household_id)
  OR notified_user_id = schakel_actor()
  OR region_id = schakel_sweep_region()
  OR schakel_stagnation_board(region_id));
--> statement-breakpoint
CREATE POLICY escalation_steps_insert ON escalation_steps FOR INSERT WITH CHECK (
  schakel_household_visible(household_id) OR region_id = schakel_sweep_region());
--> statement-breakpoint
CREATE POLICY escalation_steps_update ON escalation_steps FOR UPDATE
  USING (schakel_household_coordinated(household_id) OR notified_user_id = schakel_actor()
    OR region_id = schakel_sweep_region())
  WITH CHECK (schakel_household_coordinated(household_id) OR notified_user_id = schakel_actor()
    OR region_id = schakel_sweep_region());
--> statement-breakpoint
CREATE POLICY stagnation_reports_select ON stagnation_reports FOR SELECT USING (
  schakel_household_visible(household_id) OR schakel_stagnation_sweep());
--> statement-breakpoint
CREATE POLICY stagnation_reports_insert ON stagnation_reports FOR INSERT WITH CHECK (
  reported_by = schakel_actor() AND schakel_household_visible(household_id));
--> statement-breakpoint
CREATE POLICY stagnation_outreach_select ON stagnation_outreach FOR SELECT USING (
  schakel_household_visible(household_id) OR schakel_stagnation_sweep());
--> statement-breakpoint
CREATE POLICY stagnation_outreach_insert ON stagnation_outreach FOR INSERT WITH CHECK (
  recorded_by = schakel_actor() AND schakel_household_visible(household_id));
--> statement-breakpoint
CREATE TRIGGER stagnation_reports_append_only BEFORE UPDATE OR DELETE ON stagnation_reports
  FOR EACH ROW EXECUTE FUNCTION schakel_append_only();
--> statement-breakpoint
CREATE TRIGGER stagnation_outreach_append_only BEFORE UPDATE OR DELETE ON stagnation_outreach
  FOR EACH ROW EXECUTE FUNCTION schakel_append_only();
--> statement-breakpoint
-- The sweep reads (never writes) the facts of its region's households.
CREATE POLICY households_select_stagnation_sweep ON households FOR SELECT USING (region_id = schakel_sweep_region());
--> statement-breakpoint
CREATE POLICY access_select_stagnation_sweep ON household_access FOR SELECT USING (schakel_stagnation_sweep());
--> statement-breakpoint
CREATE POLICY involvements_select_stagnation_sweep ON involvements FOR SELECT USING (schakel_stagnation_sweep());
--> statement-breakpoint
CREATE POLICY contacts_select_stagnation_sweep ON contacts FOR SELECT USING (schakel_stagnation_sweep());
--> statement-breakpoint
CREATE POLICY plans_select_stagnation_sweep ON plans FOR SELECT USING (schakel_stagnation_sweep());
--> statement-breakpoint
CREATE POLICY plan_versions_select_stagnation_sweep ON plan_versions FOR SELECT USING (schakel_stagnation_sweep());
--> statement-breakpoint
CREATE POLICY plan_actions_select_stagnation_sweep ON plan_actions FOR SELECT USING (schakel_stagnation_sweep());
--> statement-breakpoint
CREATE POLICY evaluations_select_stagnation_sweep ON evaluations FOR SELECT USING (schakel_stagnation_sweep());
--> statement-breakpoint
CREATE POLICY referrals_select_stagnation_sweep ON referrals FOR SELECT USING (schakel_stagnation_sweep());
--> statement-breakpoint
CREATE POLICY referral_steps_select_stagnation_sweep ON referral_steps FOR SELECT USING (schakel_stagnation_sweep());
--> statement-breakpoint
CREATE POLICY assignments_select_stagnation_sweep ON coordinator_assignments FOR SELECT USING (schakel_stagnation_sweep());
--> statement-breakpoint
-- Indexes the sweep needs on the fact tables (named stagnation_* so they are recognisably ours).
CREATE INDEX stagnation_contacts_attended_idx ON contacts (household_id, planned_at DESC) WHERE status = 'attended';
--> statement-breakpoint
CREATE INDEX stagnation_contacts_updated_idx ON contacts (updated_at);
--> statement-breakpoint
CREATE INDEX stagnation_plan_actions_open_due_idx ON plan_actions (due_date) WHERE status NOT IN ('done', 'cancelled');
--> statement-breakpoint
CREATE INDEX stagnation_plan_actions_updated_idx ON plan_actions (updated_at);
--> statement-breakpoint
CREATE INDEX stagnation_referrals_updated_idx ON referrals (updated_at);
--> statement-breakpoint
CREATE INDEX stagnation_referrals_pending_idx ON referrals (status) WHERE status IN ('sent', 'received', 'waitlisted');
--> statement-breakpoint
CREATE INDEX stagnation_evaluations_updated_idx ON evaluations (updated_at);
--> statement-breakpoint
CREATE INDEX stagnation_evaluations_planned_idx ON evaluations (planned_on) WHERE status = 'planned';
--> statement-breakpoint
CREATE INDEX stagnation_plans_updated_idx ON plans (updated_at);
