-- Roles, grants and row-level security. Household data is reachable only through household_access.
DO $$ BEGIN
  CREATE ROLE schakel_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO schakel_app', current_database());
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO schakel_app;
--> statement-breakpoint
CREATE FUNCTION schakel_actor() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('schakel.actor', true), '')::uuid
$$;
--> statement-breakpoint
CREATE FUNCTION schakel_purpose() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('schakel.purpose', true), '')
$$;
--> statement-breakpoint
CREATE FUNCTION schakel_actor_has_role(wanted text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM users u WHERE u.id = schakel_actor() AND u.active AND wanted = ANY (u.roles))
$$;
--> statement-breakpoint
CREATE FUNCTION schakel_household_visible(hid uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM household_access a WHERE a.household_id = hid AND a.user_id = schakel_actor())
$$;
--> statement-breakpoint
GRANT SELECT ON regions TO schakel_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON organisations, users TO schakel_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions, login_attempts TO schakel_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO schakel_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON households, involvements, members, network_contacts TO schakel_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON household_access TO schakel_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON record_history, audit_events TO schakel_app;
--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO schakel_app;
--> statement-breakpoint
ALTER TABLE households ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE households FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE household_access ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE household_access FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE involvements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE involvements FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE members FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE network_contacts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE network_contacts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE record_history ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE record_history FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY access_select ON household_access FOR SELECT
  USING (user_id = schakel_actor() OR coordinator_id = schakel_actor());
--> statement-breakpoint
CREATE POLICY access_insert ON household_access FOR INSERT
  WITH CHECK (coordinator_id = schakel_actor()
    AND EXISTS (SELECT 1 FROM households h WHERE h.id = household_id AND h.coordinator_id = schakel_actor()));
--> statement-breakpoint
CREATE POLICY access_update ON household_access FOR UPDATE
  USING (coordinator_id = schakel_actor()) WITH CHECK (coordinator_id = schakel_actor());
--> statement-breakpoint
CREATE POLICY access_delete ON household_access FOR DELETE USING (coordinator_id = schakel_actor());
--> statement-breakpoint
CREATE POLICY households_select ON households FOR SELECT USING (
  coordinator_id = schakel_actor()
  OR schakel_household_visible(id)
  OR (schakel_purpose() = 'audit' AND schakel_actor_has_role('privacy_officer'))
  OR (schakel_purpose() = 'restore' AND schakel_actor_has_role('administrator')));
--> statement-breakpoint
CREATE POLICY households_insert ON households FOR INSERT
  WITH CHECK (coordinator_id = schakel_actor() AND created_by = schakel_actor() AND schakel_actor_has_role('coordinator'));
--> statement-breakpoint
CREATE POLICY households_update ON households FOR UPDATE
  USING (schakel_household_visible(id)) WITH CHECK (schakel_household_visible(id));
--> statement-breakpoint
CREATE POLICY involvements_select ON involvements FOR SELECT USING (
  schakel_household_visible(household_id)
  OR (schakel_purpose() = 'restore' AND schakel_actor_has_role('administrator')));
--> statement-breakpoint
CREATE POLICY involvements_insert ON involvements FOR INSERT WITH CHECK (schakel_household_visible(household_id));
--> statement-breakpoint
CREATE POLICY involvements_update ON involvements FOR UPDATE USING (
  schakel_household_visible(household_id)
  OR (schakel_purpose() = 'restore' AND schakel_actor_has_role('administrator')));
--> statement-breakpoint
CREATE POLICY members_select ON members FOR SELECT USING (
  schakel_household_visible(household_id)
  OR (schakel_purpose() = 'restore' AND schakel_actor_has_role('administrator')));
--> statement-breakpoint
CREATE POLICY members_insert ON members FOR INSERT WITH CHECK (schakel_household_visible(household_id));
--> statement-breakpoint
CREATE POLICY members_update ON members FOR UPDATE USING (
  schakel_household_visible(household_id)
  OR (schakel_purpose() = 'restore' AND schakel_actor_has_role('administrator')));
--> statement-breakpoint
CREATE POLICY network_contacts_select ON network_contacts FOR SELECT USING (
  schakel_household_visible(household_id)
  OR (schakel_purpose() = 'restore' AND schakel_actor_has_role('administrator')));
--> statement-breakpoint
CREATE POLICY network_contacts_insert ON network_contacts FOR INSERT WITH CHECK (schakel_household_visible(household_id));
--> statement-breakpoint
CREATE POLICY network_contacts_update ON network_contacts FOR UPDATE USING (
  schakel_household_visible(household_id)
  OR (schakel_purpose() = 'restore' AND schakel_actor_has_role('administrator')));
--> statement-breakpoint
CREATE POLICY record_history_select ON record_history FOR SELECT USING (schakel_household_visible(household_id));
--> statement-breakpoint
CREATE POLICY record_history_insert ON record_history FOR INSERT WITH CHECK (
  changed_by = schakel_actor() AND (schakel_household_visible(household_id)
  OR (schakel_purpose() = 'restore' AND schakel_actor_has_role('administrator'))));
--> statement-breakpoint
CREATE POLICY audit_select ON audit_events FOR SELECT USING (
  schakel_actor_has_role('privacy_officer') OR current_setting('schakel.audit_writer', true) = 'on');
--> statement-breakpoint
CREATE POLICY audit_insert ON audit_events FOR INSERT WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY idempotency_own ON idempotency_keys FOR ALL
  USING (user_id = schakel_actor()) WITH CHECK (user_id = schakel_actor());
--> statement-breakpoint
CREATE FUNCTION schakel_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION schakel_append_only();
--> statement-breakpoint
CREATE TRIGGER record_history_append_only BEFORE UPDATE OR DELETE ON record_history
  FOR EACH ROW EXECUTE FUNCTION schakel_append_only();
--> statement-breakpoint
REVOKE ALL ON FUNCTION schakel_append_only() FROM PUBLIC;
