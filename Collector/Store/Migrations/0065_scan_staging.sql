-- A running scan's resources, written in batches (binary COPY) while the collector reads, so a 50,000-VM scan never
-- holds its whole estate in memory. Scratch space, not inventory: the scan's one write transaction reads its rows from
-- here, applies them to sourcing.resource and deletes them. UNLOGGED (no WAL for data that is thrown away): a
-- PostgreSQL crash empties it, and the store then finds fewer rows than the collector wrote and refuses to apply.
CREATE UNLOGGED TABLE sourcing.scan_staging (
    scan_id bigint NOT NULL,
    external_id text NOT NULL, kind text, name text, datacenter text, cluster text, host text,
    folder_path text, subscription_id text, resource_group text, resource_type text, location text,
    power_state text, guest_os text, os_family text, os_version text, cpu_count int, memory_mib bigint,
    storage_gib numeric(14, 2), tags jsonb, attributes jsonb, raw jsonb, content_hash text, unread text[]
);
CREATE INDEX scan_staging_scan ON sourcing.scan_staging (scan_id, external_id);
