-- The incident list shows the most recent incidents a page at a time, and the dashboard asks only
-- for the concerns still open from the signing station and the incidents whose image-viewing
-- decision is still to be recorded. These indexes let each of those read only what it shows,
-- however long the log grows.

-- Newest first, ties by reference: the list's own order, so a page stops after its last row.
CREATE INDEX incidents_by_date_reference ON incidents (occurred_on, reference);

-- Open concerns from the signing station.
CREATE INDEX incidents_by_source ON incidents (source, status, occurred_on);

-- Incidents of the kinds that may involve an indecent image.
CREATE INDEX incidents_by_kind ON incidents (kind, occurred_on);
