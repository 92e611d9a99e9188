-- Emergency access reads the household's record history too (the history tab and the timeline's record events),
-- like every other household table in 0016; still read-only.
CREATE POLICY record_history_select_emergency ON record_history FOR SELECT USING (schakel_emergency_active(household_id));
