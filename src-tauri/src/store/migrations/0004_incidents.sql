-- Online-safety incidents. The record itself is the chronology in `incident_entries`, which can
-- only grow: a correction is a new entry that names the entry it amends and why, so the original
-- words stay readable for as long as the record is kept. `incidents` holds the few facts lists
-- and filters need, kept in step with the entries by the same transaction that adds them.

CREATE TABLE incidents (
    id               TEXT PRIMARY KEY,
    -- Shown to people and printed: INC-2026-0007.
    reference        TEXT NOT NULL UNIQUE,
    source           TEXT NOT NULL CHECK (source IN ('admin', 'signingStation')),
    -- A concern handed in at the signing station: who reported it is only what they typed.
    self_declared    INTEGER NOT NULL CHECK (self_declared IN (0, 1)),
    receipt          TEXT UNIQUE,
    staff_allegation INTEGER NOT NULL DEFAULT 0 CHECK (staff_allegation IN (0, 1)),
    restricted       INTEGER NOT NULL DEFAULT 0 CHECK (restricted IN (0, 1)),
    status           TEXT NOT NULL CHECK (status IN ('open', 'underReview', 'closed')),
    occurred_on      TEXT NOT NULL,
    category         TEXT NOT NULL,
    kind             TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;
CREATE INDEX incidents_by_date ON incidents (occurred_on);
CREATE INDEX incidents_by_status ON incidents (status, occurred_on);

CREATE TABLE incident_entries (
    id           TEXT PRIMARY KEY,
    incident_id  TEXT NOT NULL REFERENCES incidents (id),
    -- Order within the incident, from 1.
    seq          INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    -- The entry's fields as JSON (see `records::incidents::EntryBody`).
    body         TEXT NOT NULL,
    -- Set on an amendment: the entry it corrects, and why.
    amends       TEXT REFERENCES incident_entries (id),
    reason       TEXT,
    recorded_at  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL,
    UNIQUE (incident_id, seq),
    CHECK ((amends IS NULL) = (reason IS NULL))
) STRICT;
CREATE INDEX incident_entries_by_amends ON incident_entries (amends) WHERE amends IS NOT NULL;

CREATE TRIGGER incident_entries_are_never_changed BEFORE UPDATE ON incident_entries
BEGIN
    SELECT RAISE(ABORT, 'incident entries cannot be changed; add an amendment');
END;
CREATE TRIGGER incident_entries_are_never_deleted BEFORE DELETE ON incident_entries
BEGIN
    SELECT RAISE(ABORT, 'incident entries cannot be deleted; add an amendment');
END;

-- Who is involved, and in what role, as the latest version of each "person" entry says. A role
-- belongs to that person in that incident only.
CREATE TABLE incident_people (
    entry_id     TEXT PRIMARY KEY REFERENCES incident_entries (id),
    incident_id  TEXT NOT NULL REFERENCES incidents (id),
    person_id    TEXT REFERENCES people (id),
    role         TEXT NOT NULL
) STRICT;
CREATE INDEX incident_people_by_person ON incident_people (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX incident_people_by_incident ON incident_people (incident_id);

-- Restricted incidents (allegations about staff) are visible only to the admins listed here.
CREATE TABLE incident_access (
    incident_id  TEXT NOT NULL REFERENCES incidents (id),
    admin_id     TEXT NOT NULL,
    PRIMARY KEY (incident_id, admin_id)
) STRICT;
