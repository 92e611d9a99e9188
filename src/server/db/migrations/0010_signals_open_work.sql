-- Switching coordinator moves open work along: the process manager (purpose 'triage', own region) may read the
-- household's plan actions and pass the open ones of the old coordinator to the new one.
CREATE POLICY plan_actions_select_triage ON plan_actions FOR SELECT USING (schakel_triage_household(household_id));
--> statement-breakpoint
CREATE POLICY plan_actions_update_triage ON plan_actions FOR UPDATE
  USING (schakel_triage_household(household_id)) WITH CHECK (schakel_triage_household(household_id));
