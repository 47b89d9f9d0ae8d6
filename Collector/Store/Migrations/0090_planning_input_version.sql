-- The planning inputs' version (issue 14, fast overview): every transaction that writes a table the
-- forecast reads (workloads, inventory, assessments, rules and weights, budgets, scenarios, prices,
-- utilisation ...) leaves one row here, keyed by its transaction id, through a statement trigger.
-- The version is the number of such transactions ever committed: the rows here plus those pruned
-- (pruning moves a count from rows to `pruned` in one transaction, so the sum never goes back).
-- A cache keyed by the version is stale-free: a commit after the version was read raises it.
-- Inserts by different transactions do not wait for each other (unlike a shared counter row).
CREATE TABLE sourcing.planning_input_change (
    txid xid8 PRIMARY KEY DEFAULT pg_current_xact_id(),
    changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sourcing.planning_input_pruned (
    id int PRIMARY KEY CHECK (id = 1),
    pruned bigint NOT NULL CHECK (pruned >= 0)
);
INSERT INTO sourcing.planning_input_pruned (id, pruned) VALUES (1, 0);

CREATE FUNCTION sourcing.note_planning_input_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO sourcing.planning_input_change DEFAULT VALUES ON CONFLICT (txid) DO NOTHING;
    RETURN NULL;
END
$$;

-- Every table of the schema except those the forecast does not read and that change often
-- (sessions, users, scans and their lease and staging, history kept beside `resource`,
-- the migrations' own record).
-- PlanningInputVersion.NotInputs names the same list; a test keeps them equal for new tables.
DO $$
DECLARE t text;
BEGIN
    FOR t IN
        SELECT tablename FROM pg_tables
        WHERE schemaname = 'sourcing'
          AND tablename NOT IN ('app_session', 'app_user', 'scan', 'scan_lease', 'scan_staging', 'resource_history',
                                'schema_version', 'planning_input_change', 'planning_input_pruned')
    LOOP
        EXECUTE format(
            'CREATE TRIGGER planning_input_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sourcing.%I '
            'FOR EACH STATEMENT EXECUTE FUNCTION sourcing.note_planning_input_change()', t);
    END LOOP;
END
$$;
