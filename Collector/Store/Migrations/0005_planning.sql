-- Scenarios for the reallocation forecast and the dated cloud price table.
CREATE TABLE sourcing.scenario (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text NOT NULL UNIQUE,
    owner         text NOT NULL DEFAULT '',
    description   text NOT NULL DEFAULT '',
    -- The scenario in the JSON format of Collector/Planning/ScenarioJson.cs ("format": "sourcing-scenario/1").
    definition    jsonb NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    chosen_for_leadership boolean NOT NULL DEFAULT false
);
-- Leadership sees one scenario as "the plan".
CREATE UNIQUE INDEX scenario_one_chosen ON sourcing.scenario (chosen_for_leadership) WHERE chosen_for_leadership;

-- Cloud prices by date: a new list gets a new as_of, old ones stay so old forecasts can be explained.
CREATE TABLE sourcing.cloud_price (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    as_of         date NOT NULL,
    region        text NOT NULL,
    size          text NOT NULL,
    windows       boolean NOT NULL,
    vcpu          int NOT NULL CHECK (vcpu > 0),
    memory_gib    numeric(10, 2) NOT NULL CHECK (memory_gib > 0),
    sek_per_month numeric(14, 2) NOT NULL CHECK (sek_per_month >= 0),
    source        text NOT NULL,
    UNIQUE (as_of, region, size, windows)
);
