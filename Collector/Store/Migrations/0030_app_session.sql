-- One row per signed-in browser session (local and OpenID Connect). The cookie carries the id; every request
-- checks that the row has not ended, so signing out ends the session on the server and a copied cookie is refused.
CREATE TABLE sourcing.app_session (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id       bigint REFERENCES sourcing.app_user (id) ON DELETE CASCADE,
    user_name     text NOT NULL,
    auth_method   text NOT NULL CHECK (auth_method IN ('local', 'oidc')),
    address       text,
    created_at    timestamptz NOT NULL,
    ended_at      timestamptz
);
CREATE INDEX app_session_user ON sourcing.app_session (user_id) WHERE ended_at IS NULL;
CREATE INDEX app_session_created ON sourcing.app_session (created_at);
