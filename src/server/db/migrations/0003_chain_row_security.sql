-- The chain: grants, row-level security and the receiving organisation's view of referrals.
ALTER TABLE involvements ADD CONSTRAINT involvements_service_id_services_id_fk FOREIGN KEY (service_id) REFERENCES services(id);
--> statement-breakpoint
ALTER TABLE involvements ADD CONSTRAINT involvements_member_id_members_id_fk FOREIGN KEY (member_id) REFERENCES members(id);
--> statement-breakpoint
CREATE FUNCTION schakel_actor_in_organisation(org uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM users u WHERE u.id = schakel_actor() AND u.active AND u.organisation_id = org
    AND u.roles && ARRAY['coordinator', 'partner_professional', 'partner_manager']::text[])
$$;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON services, referrals, contacts, handovers, involvement_notices TO schakel_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON referral_steps TO schakel_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE referral_steps_id_seq TO schakel_app;
--> statement-breakpoint
ALTER TABLE referrals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE referrals FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE referral_steps ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE referral_steps FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE contacts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE contacts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE handovers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE handovers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE involvement_notices ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE involvement_notices FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Referrals: the household's professionals see them; the receiving organisation sees every sent one (its queue).
CREATE POLICY referrals_select ON referrals FOR SELECT USING (
  schakel_household_visible(household_id)
  OR (status <> 'draft' AND schakel_actor_in_organisation(receiving_organisation_id)));
--> statement-breakpoint
CREATE POLICY referrals_insert ON referrals FOR INSERT WITH CHECK (
  sender_id = schakel_actor() AND schakel_household_visible(household_id));
--> statement-breakpoint
CREATE POLICY referrals_update ON referrals FOR UPDATE USING (
  schakel_household_visible(household_id)
  OR (status <> 'draft' AND schakel_actor_in_organisation(receiving_organisation_id)))
  WITH CHECK (schakel_household_visible(household_id) OR schakel_actor_in_organisation(receiving_organisation_id));
--> statement-breakpoint
CREATE POLICY referral_steps_select ON referral_steps FOR SELECT USING (
  schakel_household_visible(household_id) OR schakel_actor_in_organisation(receiving_organisation_id));
--> statement-breakpoint
CREATE POLICY referral_steps_insert ON referral_steps FOR INSERT WITH CHECK (
  by_id = schakel_actor()
  AND (schakel_household_visible(household_id) OR schakel_actor_in_organisation(receiving_organisation_id)));
--> statement-breakpoint
CREATE TRIGGER referral_steps_append_only BEFORE UPDATE OR DELETE ON referral_steps
  FOR EACH ROW EXECUTE FUNCTION schakel_append_only();
--> statement-breakpoint
-- The professional who had the first contact of an accepted referral becomes involved: they add their own access row.
CREATE POLICY access_insert_referral ON household_access FOR INSERT WITH CHECK (
  relation = 'partner' AND user_id = schakel_actor()
  AND EXISTS (SELECT 1 FROM referrals r
    WHERE r.household_id = household_access.household_id AND r.receiver_id = schakel_actor()
      AND r.coordinator_id = household_access.coordinator_id AND r.status = 'accepted'));
--> statement-breakpoint
-- A partner whose last involvement ends (e.g. after a warm handover) removes their own access.
CREATE POLICY access_delete_own ON household_access FOR DELETE USING (user_id = schakel_actor() AND relation = 'partner');
--> statement-breakpoint
CREATE POLICY contacts_select ON contacts FOR SELECT USING (schakel_household_visible(household_id));
--> statement-breakpoint
CREATE POLICY contacts_insert ON contacts FOR INSERT WITH CHECK (
  professional_id = schakel_actor() AND schakel_household_visible(household_id));
--> statement-breakpoint
CREATE POLICY contacts_update ON contacts FOR UPDATE USING (schakel_household_visible(household_id))
  WITH CHECK (schakel_household_visible(household_id));
--> statement-breakpoint
CREATE POLICY handovers_select ON handovers FOR SELECT USING (schakel_household_visible(household_id));
--> statement-breakpoint
CREATE POLICY handovers_insert ON handovers FOR INSERT WITH CHECK (
  created_by = schakel_actor() AND schakel_household_visible(household_id));
--> statement-breakpoint
CREATE POLICY handovers_update ON handovers FOR UPDATE USING (schakel_household_visible(household_id))
  WITH CHECK (schakel_household_visible(household_id));
--> statement-breakpoint
CREATE POLICY notices_select ON involvement_notices FOR SELECT USING (recipient_id = schakel_actor());
--> statement-breakpoint
CREATE POLICY notices_insert ON involvement_notices FOR INSERT WITH CHECK (schakel_household_visible(household_id));
--> statement-breakpoint
CREATE POLICY notices_update ON involvement_notices FOR UPDATE USING (recipient_id = schakel_actor())
  WITH CHECK (recipient_id = schakel_actor());
