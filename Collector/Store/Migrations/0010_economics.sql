-- The forecast's economics: each system's own licence fee (system register), and what the region's
-- books say its IT operation costs per cost pool (Analyzer/Planning/CostPool.cs keys, or 'total').
ALTER TABLE sourcing.workload
    ADD COLUMN licence_sek_per_year numeric(14, 0) CHECK (licence_sek_per_year >= 0 AND licence_sek_per_year < 10000000000);

CREATE TABLE sourcing.cost_budget (
    pool         text PRIMARY KEY,
    sek_per_year numeric(16, 0) NOT NULL CHECK (sek_per_year >= 0 AND sek_per_year < 100000000000),
    -- Where the figure comes from (budget line, annual report) and the year it is for.
    source       text NOT NULL DEFAULT '' CHECK (length(source) <= 500),
    budget_year  int CHECK (budget_year BETWEEN 2000 AND 2100),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    updated_by   text NOT NULL DEFAULT ''
);
