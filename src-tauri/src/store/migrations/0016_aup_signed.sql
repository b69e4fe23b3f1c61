-- For each AUP and each person, the newest version they signed (confirmed signatures only) and when
-- they last signed it, kept up to date as signatures are recorded, confirmed and erased, so that
-- AUP coverage and the dashboard's AUP lines read one row per person instead of working it out
-- from every signature ever recorded.
--
-- Derived from `signatures` and `aup_versions` alone (a version never moves to another AUP): the
-- triggers below keep it in step, a hand-over leaves it out (every table whose name starts with
-- `summary_`), a restored backup has it worked out again (`store::rebuild_derived`), and
-- `records::signatures` has a property test that it always equals the same worked out from
-- every signature.

CREATE TABLE summary_aup_signed (
    aup_id    TEXT NOT NULL,
    person_id TEXT NOT NULL,
    best      INTEGER NOT NULL,
    last_at   TEXT NOT NULL,
    PRIMARY KEY (aup_id, person_id)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER summary_aup_signed_recorded AFTER INSERT ON signatures
WHEN NEW.self_declared = 0 AND NEW.person_id IS NOT NULL
BEGIN
    INSERT INTO summary_aup_signed (aup_id, person_id, best, last_at)
    SELECT v.aup_id, NEW.person_id, v.number, coalesce(NEW.paper_signed_on, NEW.signed_at)
    FROM aup_versions v WHERE v.id = NEW.aup_version_id
    ON CONFLICT (aup_id, person_id) DO UPDATE
    SET best = max(best, excluded.best), last_at = max(last_at, excluded.last_at);
END;

CREATE TRIGGER summary_aup_signed_erased AFTER DELETE ON signatures
WHEN OLD.person_id IS NOT NULL
BEGIN
    DELETE FROM summary_aup_signed
    WHERE person_id = OLD.person_id AND aup_id = (SELECT aup_id FROM aup_versions WHERE id = OLD.aup_version_id);
    INSERT INTO summary_aup_signed (aup_id, person_id, best, last_at)
    SELECT v.aup_id, s.person_id, max(v.number), max(coalesce(s.paper_signed_on, s.signed_at))
    FROM signatures s JOIN aup_versions v ON v.id = s.aup_version_id
    WHERE s.person_id = OLD.person_id AND s.self_declared = 0
      AND v.aup_id = (SELECT aup_id FROM aup_versions WHERE id = OLD.aup_version_id)
    GROUP BY v.aup_id, s.person_id;
END;

-- A confirmation (who a signing-station signature is, and that it counts), or any other change to
-- what the summary is made from: both the old and the new person's rows are worked out again.
CREATE TRIGGER summary_aup_signed_changed
AFTER UPDATE OF aup_version_id, person_id, self_declared, signed_at, paper_signed_on ON signatures
BEGIN
    DELETE FROM summary_aup_signed
    WHERE (person_id = OLD.person_id AND aup_id = (SELECT aup_id FROM aup_versions WHERE id = OLD.aup_version_id))
       OR (person_id = NEW.person_id AND aup_id = (SELECT aup_id FROM aup_versions WHERE id = NEW.aup_version_id));
    INSERT INTO summary_aup_signed (aup_id, person_id, best, last_at)
    SELECT v.aup_id, s.person_id, max(v.number), max(coalesce(s.paper_signed_on, s.signed_at))
    FROM signatures s JOIN aup_versions v ON v.id = s.aup_version_id
    WHERE s.self_declared = 0
      AND ((s.person_id = OLD.person_id AND v.aup_id = (SELECT aup_id FROM aup_versions WHERE id = OLD.aup_version_id))
        OR (s.person_id = NEW.person_id AND v.aup_id = (SELECT aup_id FROM aup_versions WHERE id = NEW.aup_version_id)))
    GROUP BY v.aup_id, s.person_id;
END;

-- The signatures already recorded.
INSERT INTO summary_aup_signed (aup_id, person_id, best, last_at)
SELECT v.aup_id, s.person_id, max(v.number), max(coalesce(s.paper_signed_on, s.signed_at))
FROM signatures s JOIN aup_versions v ON v.id = s.aup_version_id
WHERE s.self_declared = 0 AND s.person_id IS NOT NULL
GROUP BY v.aup_id, s.person_id;
