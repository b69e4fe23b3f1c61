-- A certificate for a training record (PNG, JPEG or PDF, size-capped in Rust), kept inside the
-- encrypted database like every other record. Removing the record removes its certificate.
CREATE TABLE training_certificates (
    record_id  TEXT PRIMARY KEY REFERENCES training_records (id) ON DELETE CASCADE,
    media_type TEXT NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'application/pdf')),
    bytes      BLOB NOT NULL,
    added_at   TEXT NOT NULL
) STRICT, WITHOUT ROWID;
