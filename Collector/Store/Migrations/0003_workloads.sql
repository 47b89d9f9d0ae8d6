-- The portfolio: förvaltningar (departments), förvaltningsobjekt, systems (workloads), which
-- resources each system runs on, and the ordered rules that map resources to systems.

CREATE TABLE sourcing.department (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text NOT NULL CHECK (btrim(name) <> ''),
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX department_name ON sourcing.department (lower(name));

-- The six förvaltningar of a typical region (domain.md); the register import accepts only known ones.
INSERT INTO sourcing.department (name) VALUES
    ('Hälso- och sjukvårdsförvaltningen'),
    ('Socialförvaltningen'),
    ('Utbildningsförvaltningen'),
    ('Tekniska förvaltningen'),
    ('Samhällsbyggnadsförvaltningen'),
    ('Regionstyrelseförvaltningen');

CREATE TABLE sourcing.management_object (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text NOT NULL CHECK (btrim(name) <> ''),
    department_id bigint REFERENCES sourcing.department (id) ON DELETE SET NULL,
    owner         text,
    manager       text,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX management_object_name ON sourcing.management_object (lower(name));

CREATE TABLE sourcing.workload (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                 text NOT NULL CHECK (btrim(name) <> ''),
    management_object_id bigint REFERENCES sourcing.management_object (id) ON DELETE SET NULL,
    department_id        bigint REFERENCES sourcing.department (id) ON DELETE SET NULL,
    object_owner         text,
    object_manager       text,
    confidentiality      smallint CHECK (confidentiality BETWEEN 0 AND 4),
    integrity            smallint CHECK (integrity BETWEEN 0 AND 4),
    availability         smallint CHECK (availability BETWEEN 0 AND 4),
    security_classified  boolean,
    personal_data        text NOT NULL DEFAULT 'unknown'
        CHECK (personal_data IN ('unknown', 'none', 'ordinary', 'sensitive', 'patient_health')),
    availability_need    text NOT NULL DEFAULT 'unknown'
        CHECK (availability_need IN ('unknown', 'office_hours', 'extended', 'twenty_four_seven')),
    medical_device       boolean,
    requires_offline     boolean,
    in_house_built       boolean,
    vendor               text,
    product              text,
    saas_available       text NOT NULL DEFAULT 'unknown' CHECK (saas_available IN ('unknown', 'yes', 'no')),
    integration_count    int CHECK (integration_count >= 0),
    contract_end         date,
    lifecycle            text NOT NULL DEFAULT 'in_use' CHECK (lifecycle IN ('in_use', 'being_replaced', 'to_be_retired')),
    -- Where each attribute's value came from: {"confidentiality": {"origin": "import", "at": "...", "by": "objektregister.xlsx"}}.
    -- origin is tag, import, hand or default (an attribute that is absent here has its default).
    origins              jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at           timestamptz NOT NULL DEFAULT now(),
    created_by           text NOT NULL DEFAULT 'system',
    updated_at           timestamptz
);
CREATE UNIQUE INDEX workload_name ON sourcing.workload (lower(name));
CREATE INDEX workload_department ON sourcing.workload (department_id);

CREATE TABLE sourcing.mapping_rule (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    position         int NOT NULL,
    kind             text NOT NULL CHECK (kind IN ('vsphere_tag', 'vsphere_category', 'azure_tag', 'folder_path', 'resource_group', 'name_pattern')),
    -- vSphere category or Azure tag key.
    match_key        text,
    -- Exact value (case-insensitive; a path prefix for folder rules) or a regex; both null = any value.
    match_value      text,
    match_regex      text,
    -- A fixed system name, or null: the system is named after the matched value.
    target_workload  text,
    target_department text,
    -- Category or tag key whose value names the department (e.g. 'Förvaltning').
    department_tag   text,
    target_object    text,
    enabled          boolean NOT NULL DEFAULT true,
    description      text,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mapping_rule_position ON sourcing.mapping_rule (position, id);

-- The default rules (see Analyzer/Workloads/Mapping/DefaultMappingRules.cs).
INSERT INTO sourcing.mapping_rule (position, kind, match_key, department_tag, description) VALUES
    (10, 'vsphere_category', 'System', 'Förvaltning', 'vSphere-kategori System → system med taggens namn, förvaltning från kategorin Förvaltning'),
    (20, 'azure_tag', 'System', 'Förvaltning', 'Azure-taggen System → system med taggens värde, förvaltning från taggen Förvaltning');

-- Which system a resource belongs to (at most one). A 'hand' row is never overwritten by rules.
CREATE TABLE sourcing.resource_assignment (
    resource_id   bigint PRIMARY KEY REFERENCES sourcing.resource (id) ON DELETE CASCADE,
    workload_id   bigint NOT NULL REFERENCES sourcing.workload (id) ON DELETE CASCADE,
    how           text NOT NULL CHECK (how IN ('rule', 'hand')),
    rule_id       bigint REFERENCES sourcing.mapping_rule (id) ON DELETE SET NULL,
    assigned_at   timestamptz NOT NULL,
    assigned_by   text
);
CREATE INDEX resource_assignment_workload ON sourcing.resource_assignment (workload_id);

-- Resources that two or more rules would place in different systems; rewritten by every mapping run.
CREATE TABLE sourcing.mapping_conflict (
    resource_id   bigint PRIMARY KEY REFERENCES sourcing.resource (id) ON DELETE CASCADE,
    -- The winner first.
    rule_ids      bigint[] NOT NULL,
    workloads     text[] NOT NULL,
    detected_at   timestamptz NOT NULL
);
