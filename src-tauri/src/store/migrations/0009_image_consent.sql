-- Image consent: who may appear in photographs and video, for which uses, who said so and until
-- when; where images were published; take-downs ticked off; and the named groups (a club night,
-- a trip) that the point-of-use check and the printed register work from.
-- Dates are `yyyy-mm-dd`; instants RFC 3339 UTC.

-- The organisation's social media accounts: each one is a separate use to consent to.
CREATE TABLE social_accounts (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    retired_at TEXT,
    created_at TEXT NOT NULL
) STRICT;

-- One consent (or refusal) as given on one day. A later record replaces an earlier one for the
-- same person; none is ever deleted. `person_id` is empty only for a signing-station consent that
-- names someone the records do not hold yet: it stays self-declared until an admin confirms it.
CREATE TABLE image_consents (
    id                      TEXT PRIMARY KEY,
    person_id               TEXT REFERENCES people (id),
    about_name              TEXT NOT NULL,
    giver                   TEXT NOT NULL CHECK (giver IN ('self', 'parentCarer')),
    giver_name              TEXT NOT NULL,
    relationship            TEXT,
    parental_responsibility INTEGER NOT NULL DEFAULT 0 CHECK (parental_responsibility IN (0, 1)),
    -- Why a 16 or 17 year old was judged able to decide for themselves.
    judgement               TEXT,
    method                  TEXT NOT NULL CHECK (method IN ('signingStation', 'paperForm', 'email', 'verbal')),
    witness                 TEXT,
    given_on                TEXT NOT NULL,
    form_version            TEXT NOT NULL,
    expires_on              TEXT NOT NULL,
    -- Each use the form asked about with the answer, in the form's order, as JSON:
    -- [{"useKey": "website", "allowed": true}, …]. A use not listed was not asked: it counts as no.
    -- `useKey` is 'website', 'print', 'press', 'display', 'video' or 'social:<account id>'.
    answers                 TEXT NOT NULL CHECK (json_valid(answers)),
    name_with_image         INTEGER NOT NULL DEFAULT 0 CHECK (name_with_image IN (0, 1)),
    notes                   TEXT,
    source                  TEXT NOT NULL CHECK (source IN ('admin', 'signingStation')),
    receipt                 TEXT UNIQUE,
    mark_png                BLOB,
    mark_typed              TEXT,
    confirmed_at            TEXT,
    confirmed_by            TEXT,
    withdrawn_on            TEXT,
    withdrawn_how           TEXT,
    withdrawn_recorded_by   TEXT,
    withdrawn_note          TEXT,
    created_at              TEXT NOT NULL,
    created_by              TEXT NOT NULL,
    CHECK (expires_on > given_on),
    CHECK (source = 'signingStation' OR person_id IS NOT NULL),
    CHECK (withdrawn_on IS NULL OR withdrawn_how IS NOT NULL)
) STRICT;
CREATE INDEX image_consents_by_person ON image_consents (person_id, given_on, created_at);
CREATE INDEX image_consents_unconfirmed ON image_consents (confirmed_at) WHERE confirmed_at IS NULL;

-- Where images were used.
CREATE TABLE publications (
    id           TEXT PRIMARY KEY,
    published_on TEXT NOT NULL,
    use_key      TEXT NOT NULL,
    description  TEXT NOT NULL,
    link         TEXT,
    recorded_at  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL
) STRICT;
CREATE INDEX publications_by_date ON publications (published_on);

CREATE TABLE publication_people (
    publication_id TEXT NOT NULL REFERENCES publications (id),
    person_id      TEXT NOT NULL REFERENCES people (id),
    PRIMARY KEY (publication_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX publication_people_by_person ON publication_people (person_id);

-- A take-down ticked off: the image of this person came down from this publication, or could not.
CREATE TABLE takedowns (
    publication_id TEXT NOT NULL REFERENCES publications (id),
    person_id      TEXT NOT NULL REFERENCES people (id),
    outcome        TEXT NOT NULL CHECK (outcome IN ('removed', 'cannotRemove')),
    done_on        TEXT NOT NULL,
    done_by        TEXT NOT NULL,
    note           TEXT,
    recorded_at    TEXT NOT NULL,
    recorded_by    TEXT NOT NULL,
    PRIMARY KEY (publication_id, person_id)
) STRICT, WITHOUT ROWID;

-- Named groups of people: a club night, a course cohort, a trip.
CREATE TABLE activity_groups (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    archived_at TEXT,
    created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE activity_group_members (
    group_id  TEXT NOT NULL REFERENCES activity_groups (id),
    person_id TEXT NOT NULL REFERENCES people (id),
    PRIMARY KEY (group_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX activity_group_members_by_person ON activity_group_members (person_id);

INSERT OR IGNORE INTO settings (key, value) VALUES
    ('consent_months', '12'),
    ('consent_own_age', '16');
