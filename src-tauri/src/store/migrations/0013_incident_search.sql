-- Word search in the incident log, kept up to date as the log is written, so that a search reads
-- an index instead of every entry of every incident.
--
-- `search_incident_text` holds each entry's words (every text field of its body, one per line)
-- and each incident's reference; `search_incidents` is an FTS5 index over it with the trigram
-- tokenizer, which finds any run of three or more characters, as the search always has (not only
-- whole words). Both are derived from the records: triggers keep them in step, a hand-over leaves
-- them out (every table whose name starts with `search_`), and they hold nothing that is not
-- already in `incidents` and `incident_entries`. Retention erasure deletes the entries, and the
-- triggers delete their words from the text and from the index (secure-delete, below).

CREATE TABLE search_incident_text (
    -- The index's row number: an ordinary column, so a backup and a restore keep it.
    id          INTEGER PRIMARY KEY,
    -- No foreign keys: the rows follow the records through the triggers below, in either order.
    incident_id TEXT NOT NULL,
    -- The entry the words come from; NULL for the incident's reference.
    entry_id    TEXT UNIQUE,
    text        TEXT NOT NULL
) STRICT;

CREATE INDEX search_incident_text_by_incident ON search_incident_text (incident_id);

CREATE VIRTUAL TABLE search_incidents USING fts5 (
    text,
    content = 'search_incident_text',
    content_rowid = 'id',
    tokenize = 'trigram'
);

-- A deleted row's words are taken out of the index at once, not left in it until a later merge:
-- erasure must leave nothing behind.
INSERT INTO search_incidents (search_incidents, rank) VALUES ('secure-delete', 1);

CREATE TRIGGER search_incident_text_added AFTER INSERT ON search_incident_text
BEGIN
    INSERT INTO search_incidents (rowid, text) VALUES (NEW.id, NEW.text);
END;

CREATE TRIGGER search_incident_text_removed AFTER DELETE ON search_incident_text
BEGIN
    INSERT INTO search_incidents (search_incidents, rowid, text) VALUES ('delete', OLD.id, OLD.text);
END;

CREATE TRIGGER search_incident_reference AFTER INSERT ON incidents
BEGIN
    INSERT INTO search_incident_text (incident_id, entry_id, text) VALUES (NEW.id, NULL, NEW.reference);
END;

CREATE TRIGGER search_incident_reference_removed AFTER DELETE ON incidents
BEGIN
    DELETE FROM search_incident_text WHERE incident_id = OLD.id AND entry_id IS NULL;
END;

CREATE TRIGGER search_incident_entry AFTER INSERT ON incident_entries
BEGIN
    INSERT INTO search_incident_text (incident_id, entry_id, text)
    SELECT NEW.incident_id, NEW.id, group_concat(t.value, char(10))
    FROM json_tree(NEW.body) t
    WHERE t.type = 'text'
    HAVING count(*) > 0;
END;

CREATE TRIGGER search_incident_entry_removed AFTER DELETE ON incident_entries
BEGIN
    DELETE FROM search_incident_text WHERE entry_id = OLD.id;
END;

-- The incidents and entries already recorded.
INSERT INTO search_incident_text (incident_id, entry_id, text)
SELECT id, NULL, reference FROM incidents;

INSERT INTO search_incident_text (incident_id, entry_id, text)
SELECT e.incident_id, e.id, group_concat(t.value, char(10))
FROM incident_entries e, json_tree(e.body) t
WHERE t.type = 'text'
GROUP BY e.id;
