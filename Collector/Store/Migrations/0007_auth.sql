-- Local accounts for the web app, and the indexes the inventory page filters and sorts on.
CREATE TABLE sourcing.app_user (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_name       text NOT NULL,
    display_name    text NOT NULL,
    -- ASP.NET Core PasswordHasher (PBKDF2) output; null for an account that may not sign in locally.
    password_hash   text,
    roles           text[] NOT NULL DEFAULT '{}'
                    CHECK (roles <@ ARRAY['Drift', 'Sourcing', 'Ledning']::text[]),
    failed_count    int NOT NULL DEFAULT 0,
    lockout_until   timestamptz,
    enabled         boolean NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_sign_in_at timestamptz
);
-- User names compare case-insensitively ("Anna" and "anna" are one account).
CREATE UNIQUE INDEX app_user_name ON sourcing.app_user (lower(user_name));

-- Inventory page: filters on these columns over the current (not removed) resources, sorted by name.
CREATE INDEX resource_active_name ON sourcing.resource (lower(name), id) WHERE removed_at IS NULL;
CREATE INDEX resource_active_cluster ON sourcing.resource (cluster) WHERE removed_at IS NULL;
CREATE INDEX resource_active_power ON sourcing.resource (power_state) WHERE removed_at IS NULL;
CREATE INDEX resource_active_os ON sourcing.resource (os_family) WHERE removed_at IS NULL;
CREATE INDEX resource_active_kind ON sourcing.resource (kind) WHERE removed_at IS NULL;
-- Overview: VM count over time is computed from first_seen_at/removed_at.
CREATE INDEX resource_seen ON sourcing.resource (kind, first_seen_at, removed_at);
