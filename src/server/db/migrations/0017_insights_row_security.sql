-- Aggregated figures for policy viewers and process managers (issue 5: "a policy viewer sees only aggregates").
-- Under the explicit purpose 'insights' the app may read the few columns it counts, of the actor's own region only;
-- the insights use case returns counts with small cells suppressed, never rows. The app sets this purpose in that
-- one use case.
CREATE FUNCTION schakel_insights() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT schakel_purpose() = 'insights'
    AND (schakel_actor_has_role('policy_viewer') OR schakel_actor_has_role('process_manager'))
$$;
--> statement-breakpoint
CREATE POLICY households_select_insights ON households FOR SELECT USING (
  schakel_insights() AND region_id = schakel_actor_region());
--> statement-breakpoint
CREATE POLICY stagnations_select_insights ON stagnations FOR SELECT USING (
  schakel_insights() AND region_id = schakel_actor_region());
--> statement-breakpoint
CREATE POLICY referrals_select_insights ON referrals FOR SELECT USING (
  schakel_insights() AND EXISTS (SELECT 1 FROM households h WHERE h.id = referrals.household_id));
