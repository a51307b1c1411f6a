-- An event no retry can publish (too large, refused for good) is parked with its reason instead of blocking the
-- events behind it; an operator lists and retries parked events through /admin/outbox.
ALTER TABLE outbox_event ADD COLUMN parked_at TIMESTAMPTZ;
ALTER TABLE outbox_event ADD COLUMN park_reason TEXT;

DROP INDEX outbox_event_pending;
CREATE INDEX outbox_event_pending ON outbox_event (seq) WHERE published_at IS NULL AND parked_at IS NULL;
CREATE INDEX outbox_event_parked ON outbox_event (seq) WHERE parked_at IS NOT NULL;
-- The retention purge deletes published rows and old processed-event ids, oldest first.
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX processed_event_age ON processed_event (processed_at);

-- Processed-event ids are kept by the shared MessageLog as text, as in metrics-service.
ALTER TABLE processed_event ALTER COLUMN event_id TYPE VARCHAR(100) USING event_id::text;
