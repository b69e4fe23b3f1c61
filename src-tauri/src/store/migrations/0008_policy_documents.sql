-- The policy document itself (PDF, Word or OpenDocument, size-capped in Rust), kept inside the
-- encrypted database. One current document per policy; a new one replaces it.
CREATE TABLE policy_documents (
    policy_id  TEXT PRIMARY KEY REFERENCES policies (id),
    media_type TEXT NOT NULL,
    extension  TEXT NOT NULL CHECK (extension IN ('pdf', 'docx', 'odt', 'doc')),
    bytes      BLOB NOT NULL,
    added_at   TEXT NOT NULL
) STRICT, WITHOUT ROWID;
