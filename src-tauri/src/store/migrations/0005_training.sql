-- Staff training: the roles training depends on, the course catalogue (shipped with UK defaults
-- the organisation can change) and each completion. Dates are `yyyy-mm-dd`; instants RFC 3339 UTC.

-- A role a person holds that some training depends on (the DSL must do DSL training).
CREATE TABLE person_roles (
    person_id TEXT NOT NULL REFERENCES people (id),
    role      TEXT NOT NULL CHECK (role IN ('dsl', 'deputyDsl', 'preventLead', 'dataProtectionLead')),
    PRIMARY KEY (person_id, role)
) STRICT, WITHOUT ROWID;

-- `required_groups` and `required_roles` are JSON arrays of group and role names: who must do it.
-- `renewal_months` is NULL for a course done once.
CREATE TABLE courses (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    renewal_months  INTEGER CHECK (renewal_months IS NULL OR renewal_months BETWEEN 1 AND 120),
    required_groups TEXT NOT NULL DEFAULT '[]',
    required_roles  TEXT NOT NULL DEFAULT '[]',
    position        INTEGER NOT NULL,
    retired_at      TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE TABLE training_records (
    id           TEXT PRIMARY KEY,
    person_id    TEXT NOT NULL REFERENCES people (id),
    course_id    TEXT NOT NULL REFERENCES courses (id),
    completed_on TEXT NOT NULL,
    provider     TEXT NOT NULL,
    notes        TEXT,
    recorded_at  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL
) STRICT;

-- The latest completion of each course by each person, which is what due dates come from.
CREATE INDEX training_by_person_course ON training_records (person_id, course_id, completed_on);
CREATE INDEX training_by_course ON training_records (course_id, completed_on);

INSERT INTO courses (id, name, renewal_months, required_groups, required_roles, position, created_at, updated_at) VALUES
    ('course-online-safety', 'Online-safety update', 12, '["staff","volunteer"]', '[]', 1,
     strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('course-safeguarding', 'Safeguarding and child protection (full course)', 36, '["staff","volunteer"]', '[]', 2,
     strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('course-dsl', 'Designated safeguarding lead role training', 24, '[]', '["dsl","deputyDsl"]', 3,
     strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('course-prevent', 'Prevent awareness', 24, '[]', '["dsl","deputyDsl","preventLead"]', 4,
     strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('course-data-protection', 'Data protection', 24, '["staff"]', '["dataProtectionLead"]', 5,
     strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('course-induction', 'Induction', NULL, '["staff","volunteer"]', '[]', 6,
     strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
