-- Each person's latest completion of each course, kept up to date as training is recorded and
-- erased, so that the training matrix and "what is due" read one row per person and course
-- instead of working it out from every completion ever recorded.
--
-- Derived from `training_records` alone: the triggers below keep it in step, a hand-over leaves
-- it out (every table whose name starts with `summary_`), a restored backup has it worked out
-- again (`store::rebuild_derived`), and `records::training` has a property test that it always
-- equals the latest completion worked out from every record.

CREATE TABLE summary_training_latest (
    person_id    TEXT NOT NULL,
    course_id    TEXT NOT NULL,
    completed_on TEXT NOT NULL,
    PRIMARY KEY (person_id, course_id)
) STRICT, WITHOUT ROWID;

-- Who completed a course longest ago comes first: "what is due" reads a course's renewals in order.
CREATE INDEX summary_training_latest_by_course ON summary_training_latest (course_id, completed_on);

CREATE TRIGGER summary_training_recorded AFTER INSERT ON training_records
BEGIN
    INSERT INTO summary_training_latest (person_id, course_id, completed_on)
    VALUES (NEW.person_id, NEW.course_id, NEW.completed_on)
    ON CONFLICT (person_id, course_id) DO UPDATE SET completed_on = max(completed_on, excluded.completed_on);
END;

CREATE TRIGGER summary_training_erased AFTER DELETE ON training_records
BEGIN
    DELETE FROM summary_training_latest WHERE person_id = OLD.person_id AND course_id = OLD.course_id;
    INSERT INTO summary_training_latest (person_id, course_id, completed_on)
    SELECT person_id, course_id, max(completed_on) FROM training_records
    WHERE person_id = OLD.person_id AND course_id = OLD.course_id
    GROUP BY person_id, course_id;
END;

CREATE TRIGGER summary_training_changed AFTER UPDATE OF person_id, course_id, completed_on ON training_records
BEGIN
    DELETE FROM summary_training_latest
    WHERE (person_id = OLD.person_id AND course_id = OLD.course_id)
       OR (person_id = NEW.person_id AND course_id = NEW.course_id);
    INSERT INTO summary_training_latest (person_id, course_id, completed_on)
    SELECT person_id, course_id, max(completed_on) FROM training_records
    WHERE (person_id = OLD.person_id AND course_id = OLD.course_id)
       OR (person_id = NEW.person_id AND course_id = NEW.course_id)
    GROUP BY person_id, course_id;
END;

-- The training already recorded.
INSERT INTO summary_training_latest (person_id, course_id, completed_on)
SELECT person_id, course_id, max(completed_on) FROM training_records GROUP BY person_id, course_id;
