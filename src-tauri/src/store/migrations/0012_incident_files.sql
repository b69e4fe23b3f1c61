-- Evidence files attached to an incident (a screenshot of bullying messages, a letter as a PDF),
-- kept inside the encrypted database like AUP scans. Never for incidents where an image may be
-- indecent: the records layer refuses those before anything is written. Each file comes with an
-- evidence entry in the chronology that says what it is. Each time someone opens a file, the
-- reason they gave is kept here, beside the audit entry that records who opened it and when.

CREATE TABLE incident_files (
    id          TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incidents (id),
    -- The evidence entry that describes the file.
    entry_id    TEXT NOT NULL REFERENCES incident_entries (id),
    -- The name it had when attached, without any folder: shown and offered when saving.
    file_name   TEXT NOT NULL,
    -- image/png, image/jpeg or application/pdf, judged from the first bytes.
    media_type  TEXT NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'application/pdf')),
    bytes       BLOB NOT NULL,
    added_at    TEXT NOT NULL,
    added_by    TEXT NOT NULL
) STRICT;

CREATE INDEX incident_files_by_incident ON incident_files (incident_id);

CREATE TABLE incident_file_openings (
    id        TEXT PRIMARY KEY,
    file_id   TEXT NOT NULL REFERENCES incident_files (id),
    opened_at TEXT NOT NULL,
    -- As the audit trail names actors: admin:<id> or recovery-key.
    opened_by TEXT NOT NULL,
    -- Why it was opened, as the admin typed it.
    reason    TEXT NOT NULL
) STRICT;

CREATE INDEX incident_file_openings_by_file ON incident_file_openings (file_id);

-- A breach in the filtering log recorded as an incident in one step: each points at the other.
-- One incident per breach; erasing the incident (retention) removes the link, not the log line.
CREATE TABLE filtering_incidents (
    filtering_id TEXT PRIMARY KEY REFERENCES filtering_log (id),
    incident_id  TEXT NOT NULL UNIQUE REFERENCES incidents (id)
) STRICT;
