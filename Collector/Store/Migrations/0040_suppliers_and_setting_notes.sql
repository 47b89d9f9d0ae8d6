-- The supplier register (issue 17): whose law a destination's supplier answers to, read by the
-- hosting gate. A supplier marked default_for is the one the region uses for that destination;
-- a system's SaaS supplier is found by its vendor name.
CREATE TABLE sourcing.supplier (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            text NOT NULL,
    owner_country   text NOT NULL CHECK (owner_country ~ '^[A-Z]{2}$'),
    ultimate_parent text,
    parent_country  text CHECK (parent_country IS NULL OR parent_country ~ '^[A-Z]{2}$'),
    data_location   text,
    seal_level      int CHECK (seal_level BETWEEN 0 AND 4),
    security_agreement boolean NOT NULL DEFAULT false,
    agreements      text,
    default_for     text CHECK (default_for IN ('InHouse', 'SwedishManaged', 'PublicCloud', 'Saas', 'Retire')),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      text NOT NULL
);
CREATE UNIQUE INDEX supplier_name ON sourcing.supplier (lower(name));
-- One default supplier per destination.
CREATE UNIQUE INDEX supplier_default_for ON sourcing.supplier (default_for) WHERE default_for IS NOT NULL;

-- Why a settings version was saved, shown in the version history.
ALTER TABLE sourcing.gate_rule_set ADD COLUMN note text;
ALTER TABLE sourcing.scoring_weights ADD COLUMN note text;
ALTER TABLE sourcing.effort_parameters ADD COLUMN note text;
