-- Assessment: the region's rule table, weights and effort parameters (versioned JSON), the
-- latest assessment per system, recorded decisions and trained models.
-- Workload ids are plain bigint: sourcing.workload comes in migration 0003 and the foreign keys
-- are added when the two are merged.

CREATE TABLE sourcing.gate_rule_set (
    version       int PRIMARY KEY,
    rules         jsonb NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    text NOT NULL
);

CREATE TABLE sourcing.scoring_weights (
    version       int PRIMARY KEY,
    weights       jsonb NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    text NOT NULL
);

-- Drift effort parameters, including the FTE the region says it has in drift (calibration).
CREATE TABLE sourcing.effort_parameters (
    version       int PRIMARY KEY,
    parameters    jsonb NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    text NOT NULL
);

-- The latest assessment of each system; recomputed as a whole by the analyze job.
CREATE TABLE sourcing.assessment (
    workload_id   bigint PRIMARY KEY,
    computed_at   timestamptz NOT NULL,
    rule_set_version int NOT NULL,
    weights_version  int NOT NULL,
    status        text NOT NULL CHECK (status IN ('Recommended', 'InsufficientData', 'NoAllowedDestination')),
    recommendation text CHECK (recommendation IN ('InHouse', 'SwedishManaged', 'PublicCloud', 'Saas', 'Retire')),
    confidence    double precision NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    drift_hours   double precision NOT NULL,
    -- The whole WorkloadAssessment (gate per destination, scores with factors, reason, effort).
    result        jsonb NOT NULL
);

-- One row per analyze run: the calibration and what it was computed with.
CREATE TABLE sourcing.assessment_run (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    computed_at   timestamptz NOT NULL,
    workload_count int NOT NULL,
    rule_set_version int NOT NULL,
    weights_version  int NOT NULL,
    effort_version   int NOT NULL,
    calibration_factor double precision NOT NULL,
    stated_fte    double precision,
    model_fte     double precision NOT NULL,
    total_drift_hours double precision NOT NULL
);

CREATE TABLE sourcing.decision (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workload_id   bigint NOT NULL,
    destination   text NOT NULL CHECK (destination IN ('InHouse', 'SwedishManaged', 'PublicCloud', 'Saas', 'Retire')),
    reason        text NOT NULL,
    decided_by    text NOT NULL,
    decided_at    timestamptz NOT NULL,
    -- What the rules recommended when the decision was made (null: underlag saknas).
    recommended_destination text,
    recommended_confidence double precision,
    -- The system as it was when decided: the model learns from the facts the decision saw.
    workload_snapshot jsonb NOT NULL
);
CREATE INDEX decision_workload ON sourcing.decision (workload_id, decided_at DESC);

CREATE TABLE sourcing.ml_model (
    version       int PRIMARY KEY,
    trained_at    timestamptz NOT NULL,
    training_size int NOT NULL,
    metrics       jsonb NOT NULL,
    model         bytea NOT NULL
);
