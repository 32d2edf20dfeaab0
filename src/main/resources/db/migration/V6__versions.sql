-- Blackouts (an advisor's leave, an agency's closure) are replaced by PUT like the catalogue records, so they get
-- the same optimistic-lock version: a PUT with a stale If-Match is refused instead of overwriting a newer change.
ALTER TABLE blackout ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
