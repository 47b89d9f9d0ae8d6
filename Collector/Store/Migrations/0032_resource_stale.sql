-- Merge, never degrade: a value a scan could not read (a VM's details when the vCenter went away, tags when the
-- tagging service failed) keeps its last known value. stale_fields names the fields kept from before (columns, and
-- attribute keys as "attributes.disks"); fields_read_at is when they were last read. Empty and null when fresh.
ALTER TABLE sourcing.resource ADD COLUMN stale_fields text[] NOT NULL DEFAULT '{}';
ALTER TABLE sourcing.resource ADD COLUMN fields_read_at timestamptz;
