-- The policy register: each policy with its owner and review cycle, the version history table real
-- policies carry (one row per review), and the log of filtering changes and breaches.
-- Dates are `yyyy-mm-dd`; instants RFC 3339 UTC.

-- `topic` marks the policies the app treats specially: the online-safety policy (the yearly review
-- reminder) and filtering and monitoring (the yearly filtering review). Others are 'other'.
CREATE TABLE policies (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    topic         TEXT NOT NULL DEFAULT 'other' CHECK (topic IN ('onlineSafety', 'filteringMonitoring', 'other')),
    owner         TEXT NOT NULL DEFAULT '',
    review_months INTEGER NOT NULL DEFAULT 12 CHECK (review_months BETWEEN 1 AND 60),
    position      INTEGER NOT NULL,
    retired_at    TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;

CREATE TABLE policy_versions (
    id          TEXT PRIMARY KEY,
    policy_id   TEXT NOT NULL REFERENCES policies (id),
    version     TEXT NOT NULL,
    purpose     TEXT NOT NULL,
    lead        TEXT NOT NULL,
    reviewed_on TEXT NOT NULL,
    next_review TEXT NOT NULL,
    trigger     TEXT NOT NULL CHECK (trigger IN
                    ('newPolicy', 'scheduled', 'incident', 'lawOrGuidance', 'itChange', 'other')),
    approved_by TEXT,
    approved_on TEXT,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    UNIQUE (policy_id, version)
) STRICT;
CREATE INDEX policy_versions_by_policy ON policy_versions (policy_id, reviewed_on);

CREATE TABLE filtering_log (
    id          TEXT PRIMARY KEY,
    happened_on TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('change', 'breach')),
    what        TEXT NOT NULL,
    who         TEXT NOT NULL,
    why         TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
) STRICT;
CREATE INDEX filtering_log_by_date ON filtering_log (happened_on);

WITH seed (id, name, topic, position) AS (VALUES
    ('policy-online-safety', 'Online safety', 'onlineSafety', 1),
    ('policy-acceptable-use', 'Acceptable use', 'other', 2),
    ('policy-safeguarding', 'Safeguarding and child protection', 'other', 3),
    ('policy-anti-bullying', 'Anti-bullying', 'other', 4),
    ('policy-behaviour', 'Behaviour', 'other', 5),
    ('policy-confidentiality', 'Confidentiality', 'other', 6),
    ('policy-data-protection', 'Data protection', 'other', 7),
    ('policy-disciplinary', 'Disciplinary', 'other', 8),
    ('policy-social-media', 'Social media', 'other', 9),
    ('policy-whistleblowing', 'Whistleblowing', 'other', 10),
    ('policy-filtering', 'Filtering and monitoring', 'filteringMonitoring', 11)
)
INSERT INTO policies (id, name, topic, position, created_at, updated_at)
SELECT id, name, topic, position, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM seed;
