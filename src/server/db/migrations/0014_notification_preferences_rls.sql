-- Notification preferences and daily digests: grants and row-level security.
-- The choice holds nothing but off/immediate/daily_digest, so any app session may read it: notify() runs in the
-- sender's transaction and must know each recipient's choice. Only the user changes their own.
GRANT SELECT, INSERT, UPDATE ON notification_preferences TO schakel_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON notification_digests TO schakel_app;
--> statement-breakpoint
ALTER TABLE notification_preferences ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notification_preferences FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY notification_preferences_select ON notification_preferences FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY notification_preferences_insert ON notification_preferences FOR INSERT WITH CHECK (user_id = schakel_actor());
--> statement-breakpoint
CREATE POLICY notification_preferences_update ON notification_preferences FOR UPDATE USING (user_id = schakel_actor()) WITH CHECK (user_id = schakel_actor());
--> statement-breakpoint
-- The digest job runs per user as that user (schakel.actor = the recipient), like the user reading their own inbox.
ALTER TABLE notification_digests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notification_digests FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY notification_digests_select ON notification_digests FOR SELECT USING (user_id = schakel_actor());
--> statement-breakpoint
CREATE POLICY notification_digests_insert ON notification_digests FOR INSERT WITH CHECK (user_id = schakel_actor());
