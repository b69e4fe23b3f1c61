-- Signing-station files the ingest could not record. The files themselves stay, unchanged, in
-- <data>/outbox/problems/; this table keeps why each was kept and what an admin decided, inside
-- the encrypted database. Nothing here is deleted except when "Try again" records the file.
CREATE TABLE outbox_problems (
    file_name    TEXT PRIMARY KEY,            -- the file's name inside outbox/problems/
    problem      TEXT,                        -- ProblemKind, camelCase; NULL if kept by an older version
    reason       TEXT NOT NULL,               -- why it was not recorded: no names, no record text
    kept_at      TEXT NOT NULL,               -- RFC 3339, when the ingest kept it
    set_aside_at TEXT,                        -- an admin chose "Keep aside"
    set_aside_by TEXT                         -- that admin's id
) STRICT;

-- What the vault published for the signing station, newest last: the manifest file's hash, the
-- recipients it named, the hash of the consent form it offered, and the salt behind the tokens
-- that stand for people in it (only the vault can map a token back). Each unlock compares the
-- file with the newest row; each submission names the manifest it was sealed under. Only the
-- most recent rows are kept.
CREATE TABLE kiosk_manifests (
    hash          TEXT PRIMARY KEY,
    token_salt    TEXT NOT NULL,
    recipients    TEXT NOT NULL,              -- JSON array of age X25519 public keys
    consent_hash  TEXT,
    published_at  TEXT NOT NULL
) STRICT;
