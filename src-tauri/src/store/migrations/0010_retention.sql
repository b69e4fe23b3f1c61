-- Retention review: the decision an admin made about each record whose retention period came
-- round (keep it until a later review, hold it for an inquiry, lift a hold, or erase it). Rows
-- are never changed or removed: the latest row for a record is the decision in force, and the
-- `erased` row is the tombstone that outlives the record. The rules themselves (periods and the
-- organisation's reasons for them) live in `settings` under `retention_rules`.

CREATE TABLE retention_decisions (
    id          TEXT PRIMARY KEY,
    record_kind TEXT NOT NULL CHECK (record_kind IN ('incident', 'imageConsent', 'aupSignature', 'trainingRecord')),
    record_id   TEXT NOT NULL,
    -- The rule that brought the record up for review, as a code (`childProtection`, …).
    rule        TEXT NOT NULL,
    decision    TEXT NOT NULL CHECK (decision IN ('keep', 'legalHold', 'holdLifted', 'erased')),
    -- What the admin typed: why it is kept, held, released or erased.
    reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    next_review TEXT,
    -- An incident's reference (INC-2026-0007), so the tombstone can answer "what happened to it".
    reference   TEXT,
    decided_by  TEXT NOT NULL,
    decided_at  TEXT NOT NULL,
    CHECK ((decision = 'keep') = (next_review IS NOT NULL))
) STRICT;
CREATE INDEX retention_decisions_by_record ON retention_decisions (record_kind, record_id, decided_at);

CREATE TRIGGER retention_decisions_are_never_changed BEFORE UPDATE ON retention_decisions
BEGIN
    SELECT RAISE(ABORT, 'retention decisions cannot be changed; record a new decision');
END;
CREATE TRIGGER retention_decisions_are_never_deleted BEFORE DELETE ON retention_decisions
BEGIN
    SELECT RAISE(ABORT, 'retention decisions cannot be deleted');
END;

-- Incident entries can never be deleted, except by a retention erasure: the erasing transaction
-- names the incident here, deletes its entries and removes the name again before it commits, so
-- no other connection ever sees a row in this table.
CREATE TABLE retention_erasing (
    incident_id TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;

DROP TRIGGER incident_entries_are_never_deleted;
CREATE TRIGGER incident_entries_are_never_deleted BEFORE DELETE ON incident_entries
WHEN NOT EXISTS (SELECT 1 FROM retention_erasing WHERE incident_id = OLD.incident_id)
BEGIN
    SELECT RAISE(ABORT, 'incident entries cannot be deleted; add an amendment');
END;
