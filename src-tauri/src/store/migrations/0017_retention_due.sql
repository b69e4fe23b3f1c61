-- The day each record falls due for its retention review, so that the review page and the
-- dashboard's reminder read the records due from an index on that day instead of working out the
-- date of every record in the vault on every load.
--
-- The dates come from rules written in Rust (`records::retention::due`): a young person's age, a
-- member of staff's retirement, the day someone left, the day a consent ended, and the latest
-- decision. So these triggers do not work the dates out themselves. They only note which records
-- changed (`summary_retention_stale`), and the next read works those out again with the same code
-- as the full review (`records::retention::summary::refresh`). A change to the rules marks
-- everything (the row '*', '*').
--
-- `summary_retention` holds, for each record that has a date to count from: the day it falls due
-- (its rule's date, moved to the next review for a record kept at an earlier review), whether it
-- is on legal hold, and whether it is a restricted incident (the page checks the admin's access).
-- It holds no names and no text: a record's label and person are read from the record itself,
-- for the records on the page only.
--
-- Derived from the records alone: a hand-over leaves both tables out (every table whose name
-- starts with `summary_`), a restored backup has them made again (`store::rebuild_derived`), and
-- `records::retention` has a property test that the summary always gives the full review.

CREATE TABLE summary_retention (
    record_kind TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    due_on      TEXT NOT NULL,
    held        INTEGER NOT NULL,
    restricted  INTEGER NOT NULL,
    PRIMARY KEY (record_kind, record_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX summary_retention_by_due ON summary_retention (held, due_on, record_kind, record_id);

CREATE TABLE summary_retention_stale (
    record_kind TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    PRIMARY KEY (record_kind, record_id)
) STRICT, WITHOUT ROWID;

-- Made empty: the first read works out every record.
INSERT INTO summary_retention_stale (record_kind, record_id) VALUES ('*', '*');

-- Incidents: the incident itself (status, date, allegation, restriction), who was involved, and
-- its entries (a closing status, a report's date).
CREATE TRIGGER summary_retention_incident_added AFTER INSERT ON incidents
BEGIN
    INSERT OR IGNORE INTO summary_retention_stale VALUES ('incident', NEW.id);
END;
CREATE TRIGGER summary_retention_incident_changed AFTER UPDATE ON incidents
BEGIN
    INSERT OR IGNORE INTO summary_retention_stale VALUES ('incident', OLD.id), ('incident', NEW.id);
END;
CREATE TRIGGER summary_retention_incident_erased AFTER DELETE ON incidents
BEGIN
    INSERT OR IGNORE INTO summary_retention_stale VALUES ('incident', OLD.id);
END;
CREATE TRIGGER summary_retention_involved_added AFTER INSERT ON incident_people
BEGIN
    INSERT OR IGNORE INTO summary_retention_stale VALUES ('incident', NEW.incident_id);
END;
CREATE TRIGGER summary_retention_involved_changed AFTER UPDATE ON incident_people
BEGIN
    INSERT OR IGNORE INTO summary_retention_stale VALUES ('incident', OLD.incident_id), ('incident', NEW.incident_id);
END;
CREATE TRIGGER summary_retention_involved_removed AFTER DELETE ON incident_people
BEGIN
    INSERT OR IGNORE INTO summary_retention_stale VALUES ('incident', OLD.incident_id);
END;
CREATE TRIGGER summary_retention_entry_added AFTER INSERT ON incident_entries
BEGIN
    INSERT OR IGNORE INTO summary_retention_stale VALUES ('incident', NEW.incident_id);
END;
CREATE TRIGGER summary_retention_entry_removed AFTER DELETE ON incident_entries
BEGIN
    INSERT OR IGNORE INTO summary_retention_stale VALUES ('incident', OLD.incident_id);
END;

-- A person's date of birth, group, leave date or archiving moves the dates of the incidents they
-- are in and of their AUP signatures and training.
CREATE TRIGGER summary_retention_person_changed AFTER UPDATE ON people
WHEN OLD.date_of_birth IS NOT NEW.date_of_birth OR OLD.person_group IS NOT NEW.person_group
  OR OLD.leave_date IS NOT NEW.leave_date OR OLD.archived_at IS NOT NEW.archived_at OR OLD.id IS NOT NEW.id
BEGIN
    INSERT OR IGNORE INTO summary_retention_stale
    SELECT 'incident', incident_id FROM incident_people WHERE person_id IN (OLD.id, NEW.id);
    INSERT OR IGNORE INTO summary_retention_stale
    SELECT 'aupSignature', id FROM signatures WHERE person_id IN (OLD.id, NEW.id);
    INSERT OR IGNORE INTO summary_retention_stale
    SELECT 'trainingRecord', id FROM training_records WHERE person_id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER summary_retention_person_removed AFTER DELETE ON people
BEGIN
    INSERT OR IGNORE INTO summary_retention_stale
    SELECT 'incident', incident_id FROM incident_people WHERE person_id = OLD.id;
    INSERT OR IGNORE INTO summary_retention_stale SELECT 'aupSignature', id FROM signatures WHERE person_id = OLD.id;
    INSERT OR IGNORE INTO summary_retention_stale
    SELECT 'trainingRecord', id FROM training_records WHERE person_id = OLD.id;
END;

-- Image consents, AUP signatures and training records: the record itself.
CREATE TRIGGER summary_retention_consent_added AFTER INSERT ON image_consents
BEGIN
    INSERT OR IGNORE INTO summary_retention_stale VALUES ('imageConsent', NEW.id);
END;
CREATE TRIGGER summary_retention_consent_changed AFTER UPDATE ON image_consents
BEGIN
    INSERT OR IGNORE INTO summary_retention_stale VALUES ('imageConsent', OLD.id), ('imageConsent', NEW.id);
END;
CREATE TRIGGER summary_retention_consent_erased AFTER DELETE ON image_consents
BEGIN
    INSERT OR IGNORE INTO summary_retention_stale VALUES ('imageConsent', OLD.id);
END;
CREATE TRIGGER summary_retention_signature_added AFTER INSERT ON signatures
BEGIN
    INSERT OR IGNORE INTO summary_retention_stale VALUES ('aupSignature', NEW.id);
END;
CREATE TRIGGER summary_retention_signature_changed AFTER UPDATE ON signatures
BEGIN
    INSERT OR IGNORE INTO summary_retention_stale VALUES ('aupSignature', OLD.id), ('aupSignature', NEW.id);
END;
CREATE TRIGGER summary_retention_signature_erased AFTER DELETE ON signatures
BEGIN
    INSERT OR IGNORE INTO summary_retention_stale VALUES ('aupSignature', OLD.id);
END;
CREATE TRIGGER summary_retention_training_added AFTER INSERT ON training_records
BEGIN
    INSERT OR IGNORE INTO summary_retention_stale VALUES ('trainingRecord', NEW.id);
END;
CREATE TRIGGER summary_retention_training_changed AFTER UPDATE ON training_records
BEGIN
    INSERT OR IGNORE INTO summary_retention_stale VALUES ('trainingRecord', OLD.id), ('trainingRecord', NEW.id);
END;
CREATE TRIGGER summary_retention_training_erased AFTER DELETE ON training_records
BEGIN
    INSERT OR IGNORE INTO summary_retention_stale VALUES ('trainingRecord', OLD.id);
END;

-- A decision (keep until a date, hold, lift a hold, erase) about one record.
CREATE TRIGGER summary_retention_decided AFTER INSERT ON retention_decisions
BEGIN
    INSERT OR IGNORE INTO summary_retention_stale VALUES (NEW.record_kind, NEW.record_id);
END;

-- The rules: every record's date may move.
CREATE TRIGGER summary_retention_rules_saved AFTER INSERT ON settings
WHEN NEW.key = 'retention_rules'
BEGIN
    INSERT OR IGNORE INTO summary_retention_stale VALUES ('*', '*');
END;
CREATE TRIGGER summary_retention_rules_changed AFTER UPDATE ON settings
WHEN OLD.key = 'retention_rules' OR NEW.key = 'retention_rules'
BEGIN
    INSERT OR IGNORE INTO summary_retention_stale VALUES ('*', '*');
END;
CREATE TRIGGER summary_retention_rules_removed AFTER DELETE ON settings
WHEN OLD.key = 'retention_rules'
BEGIN
    INSERT OR IGNORE INTO summary_retention_stale VALUES ('*', '*');
END;
