-- Deleting a scenario only marks it (issue 17): it stays restorable for 30 days
-- (ScenarioStore.RestoreDays) and is removed for good after that, by the nightly purge job or
-- when the list of deleted scenarios is read. Every other read skips deleted rows.
ALTER TABLE sourcing.scenario
    ADD COLUMN deleted_at timestamptz,
    ADD COLUMN deleted_by text;
CREATE INDEX scenario_deleted_at ON sourcing.scenario (deleted_at) WHERE deleted_at IS NOT NULL;
