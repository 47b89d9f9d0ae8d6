-- Issue 14: which API a scan read the source through ("VI/JSON 8.0.3.0", "REST /api", ...), shown on the scans page.
ALTER TABLE sourcing.scan ADD COLUMN api_path text;

-- CPU and memory use of a VM, one sample a day (the latest scan of the day wins), from vSphere's
-- summary.quickStats. For right-sizing: the analyzer reads a p95 over the last days.
CREATE TABLE sourcing.vm_utilisation (
    resource_id    bigint NOT NULL REFERENCES sourcing.resource (id) ON DELETE CASCADE,
    day            date NOT NULL,
    cpu_percent    numeric(5, 2),
    memory_percent numeric(5, 2),
    scan_id        bigint,
    PRIMARY KEY (resource_id, day)
);
CREATE INDEX vm_utilisation_day ON sourcing.vm_utilisation (day);
