-- Foundation: vault metadata, settings, admins and the audit chain.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE admins (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    recipient  TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    removed_at TEXT
) STRICT;

-- One row per change or sensitive view. `detail` never holds names or record text.
CREATE TABLE audit (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,
    action       TEXT NOT NULL,
    subject_kind TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    detail       TEXT NOT NULL,
    mac          BLOB NOT NULL
) STRICT;
