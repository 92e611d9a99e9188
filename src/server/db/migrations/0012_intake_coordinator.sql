-- Intake coordinators triage too (issue 7): under purpose 'triage' they read and decide the signals of their own
-- region, match them against the region's households, and open a household (and, for a safety concern, its
-- meldcode path) when the decision asks for it. Assigning a coordinator stays with process managers: no policy
-- here on coordinator_assignments, household_access, household_preferences or plan actions.
CREATE FUNCTION schakel_intake() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT schakel_purpose() = 'triage' AND schakel_actor_has_role('intake_coordinator')
$$;
--> statement-breakpoint
CREATE FUNCTION schakel_intake_household(hid uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT schakel_intake() AND EXISTS (SELECT 1 FROM households h WHERE h.id = hid AND h.region_id = schakel_actor_region())
$$;
--> statement-breakpoint
CREATE POLICY signals_select_intake ON signals FOR SELECT USING (schakel_intake() AND region_id = schakel_actor_region());
--> statement-breakpoint
CREATE POLICY signals_update_intake ON signals FOR UPDATE
  USING (schakel_intake() AND region_id = schakel_actor_region())
  WITH CHECK (schakel_intake() AND region_id = schakel_actor_region());
--> statement-breakpoint
CREATE POLICY households_select_intake ON households FOR SELECT USING (schakel_intake() AND region_id = schakel_actor_region());
--> statement-breakpoint
CREATE POLICY households_insert_intake ON households FOR INSERT WITH CHECK (
  schakel_intake() AND coordinator_id IS NULL AND created_by = schakel_actor() AND region_id = schakel_actor_region());
--> statement-breakpoint
CREATE POLICY households_update_intake ON households FOR UPDATE
  USING (schakel_intake() AND region_id = schakel_actor_region())
  WITH CHECK (schakel_intake() AND region_id = schakel_actor_region());
--> statement-breakpoint
CREATE POLICY members_select_intake ON members FOR SELECT USING (schakel_intake_household(household_id));
--> statement-breakpoint
CREATE POLICY members_insert_intake ON members FOR INSERT WITH CHECK (schakel_intake_household(household_id));
--> statement-breakpoint
CREATE POLICY record_history_insert_intake ON record_history FOR INSERT WITH CHECK (
  changed_by = schakel_actor() AND schakel_intake_household(household_id));
--> statement-breakpoint
CREATE POLICY meldcode_cases_select_intake ON meldcode_cases FOR SELECT USING (schakel_intake_household(household_id));
--> statement-breakpoint
CREATE POLICY meldcode_cases_insert_intake ON meldcode_cases FOR INSERT WITH CHECK (
  opened_by = schakel_actor() AND schakel_intake_household(household_id));
--> statement-breakpoint
-- The regular route passes a decided signal on to one organisation. Under purpose 'passed_on' its people read
-- exactly the signals referred to their own organisation, and acknowledge that they picked one up.
CREATE FUNCTION schakel_passed_on_to_actor(org uuid, outcome text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT schakel_purpose() = 'passed_on' AND outcome = 'regular' AND org IS NOT NULL
    AND org = schakel_actor_organisation()
$$;
--> statement-breakpoint
CREATE POLICY signals_select_passed_on ON signals FOR SELECT
  USING (schakel_passed_on_to_actor(referred_organisation_id, outcome));
--> statement-breakpoint
CREATE POLICY signals_update_passed_on ON signals FOR UPDATE
  USING (schakel_passed_on_to_actor(referred_organisation_id, outcome))
  WITH CHECK (schakel_passed_on_to_actor(referred_organisation_id, outcome) AND picked_up_by = schakel_actor());
