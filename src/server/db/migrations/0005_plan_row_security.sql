-- The plan: grants and row-level security. Nothing of the plan is ever deleted; assessments, versions and
-- agreements are insert-only for the app role.
CREATE FUNCTION schakel_household_coordinator(hid uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM household_access a WHERE a.household_id = hid AND a.user_id = schakel_actor() AND a.relation = 'coordinator')
$$;
--> statement-breakpoint
CREATE FUNCTION schakel_actor_organisation() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT u.organisation_id FROM users u WHERE u.id = schakel_actor()
$$;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON plans, help_questions, goals, plan_actions, evaluations TO schakel_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON assessments, safety_assessments, plan_agreements TO schakel_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE (proposed_at, agreed_at) ON plan_versions TO schakel_app;
--> statement-breakpoint
ALTER TABLE plans ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plans FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE assessments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE assessments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE safety_assessments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE safety_assessments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE help_questions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE help_questions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE goals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE goals FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plan_actions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plan_actions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE evaluations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE evaluations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plan_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plan_versions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plan_agreements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plan_agreements FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY plans_select ON plans FOR SELECT USING (schakel_household_visible(household_id));
--> statement-breakpoint
CREATE POLICY plans_insert ON plans FOR INSERT WITH CHECK (schakel_household_visible(household_id));
--> statement-breakpoint
CREATE POLICY plans_update ON plans FOR UPDATE USING (schakel_household_visible(household_id)) WITH CHECK (schakel_household_visible(household_id));
--> statement-breakpoint
CREATE POLICY assessments_select ON assessments FOR SELECT USING (schakel_household_visible(household_id));
--> statement-breakpoint
CREATE POLICY assessments_insert ON assessments FOR INSERT WITH CHECK (schakel_household_coordinator(household_id) AND created_by = schakel_actor());
--> statement-breakpoint
CREATE POLICY safety_select ON safety_assessments FOR SELECT USING (schakel_household_coordinator(household_id));
--> statement-breakpoint
CREATE POLICY safety_insert ON safety_assessments FOR INSERT WITH CHECK (schakel_household_coordinator(household_id) AND created_by = schakel_actor());
--> statement-breakpoint
CREATE POLICY help_questions_select ON help_questions FOR SELECT USING (schakel_household_visible(household_id));
--> statement-breakpoint
CREATE POLICY help_questions_insert ON help_questions FOR INSERT WITH CHECK (schakel_household_coordinator(household_id));
--> statement-breakpoint
CREATE POLICY help_questions_update ON help_questions FOR UPDATE USING (schakel_household_coordinator(household_id)) WITH CHECK (schakel_household_coordinator(household_id));
--> statement-breakpoint
CREATE POLICY goals_select ON goals FOR SELECT USING (schakel_household_visible(household_id));
--> statement-breakpoint
CREATE POLICY goals_insert ON goals FOR INSERT WITH CHECK (schakel_household_coordinator(household_id));
--> statement-breakpoint
CREATE POLICY goals_update ON goals FOR UPDATE USING (schakel_household_coordinator(household_id)) WITH CHECK (schakel_household_coordinator(household_id));
--> statement-breakpoint
CREATE POLICY plan_actions_select ON plan_actions FOR SELECT USING (schakel_household_visible(household_id));
--> statement-breakpoint
CREATE POLICY plan_actions_insert ON plan_actions FOR INSERT WITH CHECK (schakel_household_coordinator(household_id));
--> statement-breakpoint
CREATE POLICY plan_actions_update ON plan_actions FOR UPDATE
  USING (schakel_household_coordinator(household_id)
    OR (schakel_household_visible(household_id)
      AND (assignee_user_id = schakel_actor() OR assignee_organisation_id = schakel_actor_organisation())))
  WITH CHECK (schakel_household_visible(household_id));
--> statement-breakpoint
CREATE POLICY evaluations_select ON evaluations FOR SELECT USING (schakel_household_visible(household_id));
--> statement-breakpoint
CREATE POLICY evaluations_insert ON evaluations FOR INSERT WITH CHECK (schakel_household_coordinator(household_id));
--> statement-breakpoint
CREATE POLICY evaluations_update ON evaluations FOR UPDATE USING (schakel_household_coordinator(household_id)) WITH CHECK (schakel_household_coordinator(household_id));
--> statement-breakpoint
CREATE POLICY plan_versions_select ON plan_versions FOR SELECT USING (schakel_household_visible(household_id));
--> statement-breakpoint
CREATE POLICY plan_versions_insert ON plan_versions FOR INSERT WITH CHECK (schakel_household_visible(household_id) AND created_by = schakel_actor());
--> statement-breakpoint
CREATE POLICY plan_versions_update ON plan_versions FOR UPDATE USING (schakel_household_visible(household_id)) WITH CHECK (schakel_household_visible(household_id));
--> statement-breakpoint
CREATE POLICY plan_agreements_select ON plan_agreements FOR SELECT USING (schakel_household_visible(household_id));
--> statement-breakpoint
CREATE POLICY plan_agreements_insert ON plan_agreements FOR INSERT WITH CHECK (
  schakel_household_visible(household_id) AND recorded_by = schakel_actor()
  AND (schakel_household_coordinator(household_id) OR organisation_id = schakel_actor_organisation()));
