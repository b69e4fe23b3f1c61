-- People register, AUP documents with immutable published versions, and AUP signatures.
-- Dates are ISO 8601 text: `yyyy-mm-dd` for calendar dates, RFC 3339 UTC for instants.

CREATE TABLE people (
    id             TEXT PRIMARY KEY,
    person_group   TEXT NOT NULL CHECK (person_group IN
                       ('staff', 'volunteer', 'trustee', 'contractor', 'youngPerson', 'parentCarer', 'visitor')),
    full_name      TEXT NOT NULL,
    preferred_name TEXT,
    -- Lower-cased, single-spaced, punctuation-free full name: duplicate checks and exact matches.
    name_key       TEXT NOT NULL,
    -- Lower-cased full and preferred name: what name search looks in (Unicode-aware, made in Rust).
    search_text    TEXT NOT NULL,
    date_of_birth  TEXT,
    start_date     TEXT,
    leave_date     TEXT,
    email          TEXT,
    phone          TEXT,
    -- Whether the signing station may show this person's display name.
    kiosk_listed   INTEGER NOT NULL DEFAULT 0 CHECK (kiosk_listed IN (0, 1)),
    archived_at    TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CHECK (person_group <> 'youngPerson' OR date_of_birth IS NOT NULL),
    CHECK (leave_date IS NULL OR start_date IS NULL OR leave_date >= start_date)
) STRICT;

-- Filtering by group and status (and the coverage query's population); name-key lookups for
-- import de-duplication and self-declared signature suggestions.
CREATE INDEX people_by_group_status ON people (person_group, archived_at);
CREATE INDEX people_by_name_key ON people (name_key);

-- A young person and each of their parents or carers.
CREATE TABLE person_parents (
    young_person_id TEXT NOT NULL REFERENCES people (id),
    parent_id       TEXT NOT NULL REFERENCES people (id),
    created_at      TEXT NOT NULL,
    PRIMARY KEY (young_person_id, parent_id),
    CHECK (young_person_id <> parent_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX person_parents_by_parent ON person_parents (parent_id);

CREATE TABLE aups (
    id              TEXT PRIMARY KEY,
    audience        TEXT NOT NULL CHECK (audience IN
                        ('staffVolunteers', 'youngPeople', 'parentsCarers', 'visitorsContractors', 'socialMedia')),
    kiosk_published INTEGER NOT NULL DEFAULT 0 CHECK (kiosk_published IN (0, 1)),
    created_at      TEXT NOT NULL
) STRICT;

-- `content` is the canonical JSON that `content_hash` (hex SHA-256) is computed over.
CREATE TABLE aup_versions (
    id           TEXT PRIMARY KEY,
    aup_id       TEXT NOT NULL REFERENCES aups (id),
    number       INTEGER NOT NULL CHECK (number >= 1),
    status       TEXT NOT NULL CHECK (status IN ('draft', 'published')),
    content      TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    published_at TEXT,
    UNIQUE (aup_id, number),
    CHECK ((status = 'published') = (published_at IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX aup_versions_one_draft ON aup_versions (aup_id) WHERE status = 'draft';
CREATE INDEX aup_versions_by_hash ON aup_versions (content_hash);

-- Published versions are what people signed: the database refuses to change or remove them, so a
-- bug elsewhere cannot rewrite history.
CREATE TRIGGER aup_versions_published_are_frozen BEFORE UPDATE ON aup_versions
WHEN OLD.status = 'published'
BEGIN
    SELECT RAISE(ABORT, 'published AUP versions cannot be changed');
END;
CREATE TRIGGER aup_versions_published_are_kept BEFORE DELETE ON aup_versions
WHEN OLD.status = 'published'
BEGIN
    SELECT RAISE(ABORT, 'published AUP versions cannot be deleted');
END;

CREATE TABLE signatures (
    id                TEXT PRIMARY KEY,
    aup_version_id    TEXT NOT NULL REFERENCES aup_versions (id),
    content_hash      TEXT NOT NULL,
    person_id         TEXT REFERENCES people (id),
    -- The name typed at the signing station when the signer did not pick a listed person.
    declared_name     TEXT,
    self_declared     INTEGER NOT NULL CHECK (self_declared IN (0, 1)),
    method            TEXT NOT NULL CHECK (method IN ('onScreen', 'paper')),
    source            TEXT NOT NULL CHECK (source IN ('admin', 'signingStation')),
    signed_at         TEXT NOT NULL,
    recorded_at       TEXT NOT NULL,
    receipt           TEXT,
    mark_typed        TEXT,
    counter_name      TEXT,
    counter_typed     TEXT,
    paper_signed_on   TEXT,
    paper_filed_at    TEXT,
    confirmed_at      TEXT,
    confirmed_by      TEXT,
    -- Images last, so that reading the columns above never touches their overflow pages.
    mark_png          BLOB,
    counter_png       BLOB,
    CHECK (person_id IS NOT NULL OR declared_name IS NOT NULL),
    CHECK (self_declared = 1 OR person_id IS NOT NULL),
    CHECK (method <> 'onScreen' OR (mark_png IS NOT NULL) <> (mark_typed IS NOT NULL)),
    CHECK (method <> 'paper' OR (paper_signed_on IS NOT NULL AND paper_filed_at IS NOT NULL)),
    CHECK (counter_name IS NULL OR method = 'paper' OR (counter_png IS NOT NULL) <> (counter_typed IS NOT NULL))
) STRICT;
-- Coverage: per AUP version, who signed; per person, what they signed.
CREATE INDEX signatures_by_version_person ON signatures (aup_version_id, self_declared, person_id);
CREATE INDEX signatures_by_person ON signatures (person_id, signed_at);
CREATE INDEX signatures_unconfirmed ON signatures (recorded_at) WHERE self_declared = 1;
CREATE UNIQUE INDEX signatures_by_receipt ON signatures (receipt) WHERE receipt IS NOT NULL;

-- A scan of a paper signature (PNG, JPEG or PDF), kept apart so listing signatures stays light.
CREATE TABLE signature_scans (
    signature_id TEXT PRIMARY KEY REFERENCES signatures (id),
    media_type   TEXT NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'application/pdf')),
    bytes        BLOB NOT NULL CHECK (length(bytes) BETWEEN 1 AND 5242880)
) STRICT;
