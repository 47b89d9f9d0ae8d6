-- Sources, scans, resources and their history: the store every collector writes to.
CREATE TABLE sourcing.source (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text NOT NULL UNIQUE,
    kind          text NOT NULL CHECK (kind IN ('vsphere', 'azure', 'rvtools')),
    url           text,
    username      text,
    -- The secret is either read from the environment variable named here at scan time...
    secret_env    text,
    -- ...or kept encrypted with ASP.NET Core Data Protection; never in plain text.
    secret_protected text,
    thumbprint    text,
    insecure      boolean NOT NULL DEFAULT false,
    schedule      text NOT NULL DEFAULT '0 2 * * *',
    time_zone     text NOT NULL DEFAULT 'Europe/Stockholm',
    max_concurrency int NOT NULL DEFAULT 8 CHECK (max_concurrency BETWEEN 1 AND 64),
    -- Kind-specific settings (Azure tenant, subscriptions, client id, credential kind, ...).
    settings      jsonb NOT NULL DEFAULT '{}'::jsonb,
    enabled       boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sourcing.scan (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_id     bigint NOT NULL REFERENCES sourcing.source (id) ON DELETE CASCADE,
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    status        text NOT NULL CHECK (status IN ('running', 'succeeded', 'partial', 'failed')),
    trigger       text NOT NULL DEFAULT 'schedule',
    progress_done int NOT NULL DEFAULT 0,
    progress_total int NOT NULL DEFAULT 0,
    progress_text text,
    added         int NOT NULL DEFAULT 0,
    changed       int NOT NULL DEFAULT 0,
    removed       int NOT NULL DEFAULT 0,
    unchanged     int NOT NULL DEFAULT 0,
    skipped       int NOT NULL DEFAULT 0,
    calls         int NOT NULL DEFAULT 0,
    errors        jsonb NOT NULL DEFAULT '[]'::jsonb
);
CREATE INDEX scan_source_started ON sourcing.scan (source_id, started_at DESC);

-- Current state of every resource a source has ever reported. Rows are never deleted:
-- a resource missing from a complete scan gets removed_at.
CREATE TABLE sourcing.resource (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_id     bigint NOT NULL REFERENCES sourcing.source (id) ON DELETE CASCADE,
    external_id   text NOT NULL,
    kind          text NOT NULL,
    name          text NOT NULL,
    datacenter    text,
    cluster       text,
    host          text,
    folder_path   text,
    subscription_id text,
    resource_group text,
    resource_type text,
    location      text,
    power_state   text,
    guest_os      text,
    os_family     text,
    os_version    text,
    cpu_count     int,
    memory_mib    bigint,
    storage_gib   numeric(14, 2),
    tags          jsonb NOT NULL DEFAULT '{}'::jsonb,
    attributes    jsonb NOT NULL DEFAULT '{}'::jsonb,
    raw           jsonb,
    content_hash  text NOT NULL,
    first_seen_at timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL,
    last_scan_id  bigint,
    removed_at    timestamptz,
    removed_scan_id bigint,
    UNIQUE (source_id, external_id)
);
CREATE INDEX resource_kind_name ON sourcing.resource (kind, lower(name));
CREATE INDEX resource_active ON sourcing.resource (source_id) WHERE removed_at IS NULL;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX resource_name_trgm ON sourcing.resource USING gin (lower(name) gin_trgm_ops);

CREATE TABLE sourcing.resource_history (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    resource_id   bigint NOT NULL REFERENCES sourcing.resource (id) ON DELETE CASCADE,
    scan_id       bigint REFERENCES sourcing.scan (id) ON DELETE SET NULL,
    at            timestamptz NOT NULL,
    change        text NOT NULL CHECK (change IN ('added', 'changed', 'removed', 'restored')),
    -- [{"field": "cpu_count", "old": 2, "new": 4}, ...]
    fields        jsonb NOT NULL DEFAULT '[]'::jsonb
);
CREATE INDEX resource_history_resource ON sourcing.resource_history (resource_id, at DESC);
CREATE INDEX resource_history_scan ON sourcing.resource_history (scan_id);
