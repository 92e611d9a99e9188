-- Signals, triage, assignment, meldcode and notifications: grants and row-level security.
-- Triage and assignment run with schakel.purpose = 'triage' and are open to process managers of the household's
-- region only; coordinators see signals, assignments and meldcode paths of the households they coordinate.
CREATE FUNCTION schakel_actor_region() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT u.region_id FROM users u WHERE u.id = schakel_actor() AND u.active
$$;
--> statement-breakpoint
CREATE FUNCTION schakel_triage() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT schakel_purpose() = 'triage' AND schakel_actor_has_role('process_manager')
$$;
--> statement-breakpoint
CREATE FUNCTION schakel_household_coordinated(hid uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM household_access a
    WHERE a.household_id = hid AND a.user_id = schakel_actor() AND a.relation = 'coordinator')
$$;
--> statement-breakpoint
CREATE FUNCTION schakel_triage_household(hid uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT schakel_triage() AND EXISTS (SELECT 1 FROM households h WHERE h.id = hid AND h.region_id = schakel_actor_region())
$$;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON signals, coordinator_assignments, household_preferences, meldcode_cases, notifications TO schakel_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON meldcode_steps TO schakel_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON signal_receipts, mail_outbox TO schakel_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON public_signal_attempts TO schakel_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE public_signal_attempts_id_seq, meldcode_steps_id_seq TO schakel_app;
--> statement-breakpoint
ALTER TABLE signals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE signals FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE coordinator_assignments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE coordinator_assignments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE household_preferences ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE household_preferences FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE meldcode_cases ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE meldcode_cases FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE meldcode_steps ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE meldcode_steps FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Signals: the public form inserts without an actor (and cannot read back); a professional reads their own;
-- triage reads and decides the region's; a coordinator reads the signals about their household.
CREATE POLICY signals_select ON signals FOR SELECT USING (
  (schakel_triage() AND region_id = schakel_actor_region())
  OR submitted_by = schakel_actor()
  OR (household_id IS NOT NULL AND schakel_household_coordinated(household_id)));
--> statement-breakpoint
CREATE POLICY signals_insert ON signals FOR INSERT WITH CHECK (
  (schakel_actor() IS NULL AND source = 'public' AND submitted_by IS NULL AND household_id IS NULL)
  OR (source = 'professional' AND submitted_by = schakel_actor() AND region_id = schakel_actor_region()
      AND (household_id IS NULL OR schakel_household_visible(household_id))));
--> statement-breakpoint
CREATE POLICY signals_update ON signals FOR UPDATE
  USING (schakel_triage() AND region_id = schakel_actor_region())
  WITH CHECK (schakel_triage() AND region_id = schakel_actor_region());
--> statement-breakpoint
-- Households: triage matches against, opens, and assigns a coordinator to the region's households.
CREATE POLICY households_select_triage ON households FOR SELECT USING (schakel_triage() AND region_id = schakel_actor_region());
--> statement-breakpoint
CREATE POLICY households_insert_triage ON households FOR INSERT WITH CHECK (
  schakel_triage() AND coordinator_id IS NULL AND created_by = schakel_actor() AND region_id = schakel_actor_region());
--> statement-breakpoint
CREATE POLICY households_update_triage ON households FOR UPDATE
  USING (schakel_triage() AND region_id = schakel_actor_region())
  WITH CHECK (schakel_triage() AND region_id = schakel_actor_region());
--> statement-breakpoint
CREATE POLICY members_select_triage ON members FOR SELECT USING (schakel_triage_household(household_id));
--> statement-breakpoint
CREATE POLICY members_insert_triage ON members FOR INSERT WITH CHECK (schakel_triage_household(household_id));
--> statement-breakpoint
CREATE POLICY record_history_insert_triage ON record_history FOR INSERT WITH CHECK (
  changed_by = schakel_actor() AND schakel_triage_household(household_id));
--> statement-breakpoint
CREATE POLICY involvements_select_triage ON involvements FOR SELECT USING (schakel_triage_household(household_id));
--> statement-breakpoint
CREATE POLICY involvements_insert_triage ON involvements FOR INSERT WITH CHECK (schakel_triage_household(household_id));
--> statement-breakpoint
CREATE POLICY involvements_update_triage ON involvements FOR UPDATE
  USING (schakel_triage_household(household_id)) WITH CHECK (schakel_triage_household(household_id));
--> statement-breakpoint
-- The access index keeps its policies free of sub-queries on other tables (no policy cycles): triage may touch
-- its rows; the use cases only do so for households they first found in the actor's region.
CREATE POLICY access_select_triage ON household_access FOR SELECT USING (schakel_triage());
--> statement-breakpoint
CREATE POLICY access_insert_triage ON household_access FOR INSERT WITH CHECK (schakel_triage());
--> statement-breakpoint
CREATE POLICY access_update_triage ON household_access FOR UPDATE USING (schakel_triage()) WITH CHECK (schakel_triage());
--> statement-breakpoint
CREATE POLICY access_delete_triage ON household_access FOR DELETE USING (schakel_triage());
--> statement-breakpoint
CREATE POLICY assignments_select ON coordinator_assignments FOR SELECT USING (
  (schakel_triage() AND region_id = schakel_actor_region())
  OR coordinator_id = schakel_actor()
  OR schakel_household_coordinated(household_id));
--> statement-breakpoint
CREATE POLICY assignments_insert ON coordinator_assignments FOR INSERT WITH CHECK (
  schakel_triage() AND region_id = schakel_actor_region() AND assigned_by = schakel_actor());
--> statement-breakpoint
CREATE POLICY assignments_update ON coordinator_assignments FOR UPDATE
  USING (schakel_triage() AND region_id = schakel_actor_region())
  WITH CHECK (schakel_triage() AND region_id = schakel_actor_region());
--> statement-breakpoint
CREATE POLICY preferences_select ON household_preferences FOR SELECT USING (
  schakel_triage_household(household_id) OR schakel_household_coordinated(household_id));
--> statement-breakpoint
CREATE POLICY preferences_insert ON household_preferences FOR INSERT WITH CHECK (
  updated_by = schakel_actor() AND (schakel_triage_household(household_id) OR schakel_household_coordinated(household_id)));
--> statement-breakpoint
CREATE POLICY preferences_update ON household_preferences FOR UPDATE
  USING (schakel_triage_household(household_id) OR schakel_household_coordinated(household_id))
  WITH CHECK (updated_by = schakel_actor());
--> statement-breakpoint
-- The meldcode path: the household's coordinator follows it; triage opens it for a safety concern.
CREATE POLICY meldcode_cases_select ON meldcode_cases FOR SELECT USING (
  schakel_household_coordinated(household_id) OR schakel_triage_household(household_id));
--> statement-breakpoint
CREATE POLICY meldcode_cases_insert ON meldcode_cases FOR INSERT WITH CHECK (
  opened_by = schakel_actor() AND (schakel_household_coordinated(household_id) OR schakel_triage_household(household_id)));
--> statement-breakpoint
CREATE POLICY meldcode_cases_update ON meldcode_cases FOR UPDATE
  USING (schakel_household_coordinated(household_id)) WITH CHECK (schakel_household_coordinated(household_id));
--> statement-breakpoint
CREATE POLICY meldcode_steps_select ON meldcode_steps FOR SELECT USING (schakel_household_coordinated(household_id));
--> statement-breakpoint
CREATE POLICY meldcode_steps_insert ON meldcode_steps FOR INSERT WITH CHECK (
  recorded_by = schakel_actor() AND schakel_household_coordinated(household_id));
--> statement-breakpoint
CREATE TRIGGER meldcode_steps_append_only BEFORE UPDATE OR DELETE ON meldcode_steps
  FOR EACH ROW EXECUTE FUNCTION schakel_append_only();
--> statement-breakpoint
-- Notifications carry no case content: anyone's use case may notify; only the recipient reads and marks them.
CREATE POLICY notifications_select ON notifications FOR SELECT USING (user_id = schakel_actor());
--> statement-breakpoint
CREATE POLICY notifications_insert ON notifications FOR INSERT WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY notifications_update ON notifications FOR UPDATE USING (user_id = schakel_actor()) WITH CHECK (user_id = schakel_actor());
