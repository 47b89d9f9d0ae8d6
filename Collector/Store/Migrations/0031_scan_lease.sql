-- A scan owns its source through a lease, not a session-level advisory lock: the lease is a row, so it survives a
-- PostgreSQL restart or a lost connection. The token grows with every acquisition (a fencing token): the store
-- writes a scan's resources only while that scan's token is still the lease's and the lease has not expired,
-- checked in the write transaction, so a scan that lost its lease can never commit beside the one that took over.
CREATE TABLE sourcing.scan_lease (
    source_id   bigint PRIMARY KEY REFERENCES sourcing.source (id) ON DELETE CASCADE,
    token       bigint NOT NULL,
    scan_id     bigint,
    holder      text NOT NULL,
    acquired_at timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);
