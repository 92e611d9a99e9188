-- Privacy by design (issue 5): consent, legal bases and emergency access under row-level security, and the data
-- categories enforced by the database itself where a category is a whole row: assessments, safety assessments,
-- contacts of other organisations, and help questions and goals in the health and finance domains.
CREATE FUNCTION schakel_today() RETURNS date LANGUAGE sql STABLE AS $$
  SELECT (now() AT TIME ZONE 'Europe/Amsterdam')::date
$$;
--> statement-breakpoint
CREATE FUNCTION schakel_domain_category(domain text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE domain
    WHEN 'finances' THEN 'financial'
    WHEN 'mental_health' THEN 'health'
    WHEN 'physical_health' THEN 'health'
    WHEN 'substance_use' THEN 'health'
    ELSE 'plan' END
$$;
--> statement-breakpoint
-- Active emergency access of the actor to a household (noodknop): read-only, until it expires.
CREATE FUNCTION schakel_emergency_active(hid uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM emergency_accesses e
    WHERE e.household_id = hid AND e.user_id = schakel_actor() AND e.ended_at IS NULL AND e.expires_at > now())
$$;
--> statement-breakpoint
-- Whether the actor may see data of `cat` about the members `mids` (empty: about the household as a whole):
-- the coordinator always; a partner through a consent of one of those members, or a sharing basis, for the
-- actor's organisation that is in force today.
CREATE FUNCTION schakel_category_allowed(hid uuid, mids uuid[], cat text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT schakel_household_coordinator(hid)
    OR EXISTS (SELECT 1 FROM consents c
      WHERE c.household_id = hid AND c.organisation_id = schakel_actor_organisation()
        AND (cardinality(mids) = 0 OR c.member_id = ANY (mids)) AND c.categories ? cat
        AND c.withdrawn_at IS NULL AND c.given_on <= schakel_today() AND c.valid_until >= schakel_today())
    OR EXISTS (SELECT 1 FROM legal_bases b
      WHERE b.household_id = hid AND b.scope = 'sharing' AND b.organisation_id = schakel_actor_organisation()
        AND (b.member_id IS NULL OR cardinality(mids) = 0 OR b.member_id = ANY (mids)) AND b.categories ? cat
        AND b.ended_at IS NULL AND b.valid_from <= schakel_today()
        AND (b.valid_until IS NULL OR b.valid_until >= schakel_today()))
$$;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON consents, legal_bases, emergency_accesses TO schakel_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON recovery_codes TO schakel_app;
--> statement-breakpoint
ALTER TABLE consents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE consents FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE legal_bases ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE legal_bases FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE emergency_accesses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE emergency_accesses FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Consents: the coordinator keeps them; an involved organisation sees the ones given to it.
CREATE POLICY consents_select ON consents FOR SELECT USING (
  schakel_household_coordinator(household_id)
  OR (schakel_household_visible(household_id) AND organisation_id = schakel_actor_organisation())
  OR schakel_emergency_active(household_id)
  OR (schakel_purpose() = 'audit' AND schakel_actor_has_role('privacy_officer')));
--> statement-breakpoint
CREATE POLICY consents_insert ON consents FOR INSERT WITH CHECK (
  schakel_household_coordinator(household_id) AND recorded_by = schakel_actor());
--> statement-breakpoint
CREATE POLICY consents_update ON consents FOR UPDATE USING (schakel_household_coordinator(household_id))
  WITH CHECK (schakel_household_coordinator(household_id));
--> statement-breakpoint
-- Legal bases: the case's basis is visible to everyone involved; a sharing basis to the coordinator and the
-- recipient organisation. Any involved professional may record a sharing without consent (meldrecht).
CREATE POLICY legal_bases_select ON legal_bases FOR SELECT USING (
  schakel_household_coordinator(household_id)
  OR (schakel_household_visible(household_id)
      AND (scope = 'case' OR organisation_id = schakel_actor_organisation() OR recorded_by = schakel_actor()))
  OR schakel_emergency_active(household_id)
  OR (schakel_purpose() = 'audit' AND schakel_actor_has_role('privacy_officer')));
--> statement-breakpoint
CREATE POLICY legal_bases_insert ON legal_bases FOR INSERT WITH CHECK (
  recorded_by = schakel_actor()
  AND (schakel_household_coordinator(household_id) OR (scope = 'sharing' AND schakel_household_visible(household_id))));
--> statement-breakpoint
CREATE POLICY legal_bases_update ON legal_bases FOR UPDATE
  USING (schakel_household_coordinator(household_id) OR recorded_by = schakel_actor())
  WITH CHECK (schakel_household_coordinator(household_id) OR recorded_by = schakel_actor());
--> statement-breakpoint
-- Emergency access: the professional starts their own (under purpose 'emergency'); the privacy officer of the
-- region reviews; the household's coordinator sees that it happened.
CREATE POLICY emergency_select ON emergency_accesses FOR SELECT USING (
  user_id = schakel_actor()
  OR schakel_household_coordinator(household_id)
  OR (region_id = schakel_actor_region() AND schakel_actor_has_role('privacy_officer')));
--> statement-breakpoint
CREATE POLICY emergency_insert ON emergency_accesses FOR INSERT WITH CHECK (
  user_id = schakel_actor() AND schakel_purpose() = 'emergency' AND region_id = schakel_actor_region()
  AND organisation_id = schakel_actor_organisation());
--> statement-breakpoint
CREATE POLICY emergency_update ON emergency_accesses FOR UPDATE USING (
  user_id = schakel_actor()
  OR (region_id = schakel_actor_region() AND schakel_actor_has_role('privacy_officer')))
  WITH CHECK (
  user_id = schakel_actor()
  OR (region_id = schakel_actor_region() AND schakel_actor_has_role('privacy_officer')));
--> statement-breakpoint
-- Finding the household to open in an emergency: only the header, only in the actor's region, only for the
-- emergency purpose the app sets in that one use case (which audits it).
CREATE POLICY households_select_emergency ON households FOR SELECT USING (
  schakel_emergency_active(id)
  OR (schakel_purpose() = 'emergency' AND region_id = schakel_actor_region()
      AND (schakel_actor_has_role('coordinator') OR schakel_actor_has_role('partner_professional')
           OR schakel_actor_has_role('partner_manager'))));
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['members', 'network_contacts', 'involvements', 'plans', 'help_questions', 'goals',
    'plan_actions', 'evaluations', 'plan_versions', 'plan_agreements', 'assessments', 'safety_assessments',
    'contacts', 'referrals', 'referral_steps', 'handovers']
  LOOP
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (schakel_emergency_active(household_id))',
      t || '_select_emergency', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- The data categories, enforced per row.
DROP POLICY assessments_select ON assessments;
--> statement-breakpoint
CREATE POLICY assessments_select ON assessments FOR SELECT USING (
  schakel_household_visible(household_id) AND schakel_category_allowed(household_id, ARRAY[member_id], 'assessment'));
--> statement-breakpoint
CREATE POLICY safety_select_shared ON safety_assessments FOR SELECT USING (
  schakel_household_visible(household_id) AND schakel_category_allowed(household_id, '{}'::uuid[], 'safety'));
--> statement-breakpoint
DROP POLICY contacts_select ON contacts;
--> statement-breakpoint
CREATE POLICY contacts_select ON contacts FOR SELECT USING (
  schakel_household_visible(household_id)
  AND (organisation_id = schakel_actor_organisation() OR professional_id = schakel_actor()
       OR schakel_category_allowed(household_id,
            CASE WHEN member_id IS NULL THEN '{}'::uuid[] ELSE ARRAY[member_id] END, 'contacts')));
--> statement-breakpoint
DROP POLICY help_questions_select ON help_questions;
--> statement-breakpoint
CREATE POLICY help_questions_select ON help_questions FOR SELECT USING (
  schakel_household_visible(household_id)
  AND (schakel_domain_category(domain) = 'plan'
       OR schakel_category_allowed(household_id,
            CASE WHEN member_id IS NULL THEN '{}'::uuid[] ELSE ARRAY[member_id] END, schakel_domain_category(domain))));
--> statement-breakpoint
DROP POLICY goals_select ON goals;
--> statement-breakpoint
CREATE POLICY goals_select ON goals FOR SELECT USING (
  schakel_household_visible(household_id)
  AND (NOT EXISTS (
         SELECT 1 FROM jsonb_array_elements_text(domains) d(domain)
         WHERE schakel_domain_category(d.domain) <> 'plan'
           AND NOT schakel_category_allowed(household_id,
                 ARRAY(SELECT jsonb_array_elements_text(member_ids)::uuid), schakel_domain_category(d.domain)))
       OR EXISTS (SELECT 1 FROM plan_actions a WHERE a.goal_id = goals.id
                  AND (a.assignee_user_id = schakel_actor() OR a.assignee_organisation_id = schakel_actor_organisation()))));
--> statement-breakpoint
-- The household's coordinator reads the household's own audit rows (the access overview, NEN 7513 client view).
CREATE POLICY audit_select_coordinator ON audit_events FOR SELECT USING (
  household_id IS NOT NULL AND schakel_household_coordinator(household_id));
