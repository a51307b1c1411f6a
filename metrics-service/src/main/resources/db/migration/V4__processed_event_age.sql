-- The retention purge (service-edge) deletes processed-event ids oldest first.
CREATE INDEX processed_event_age ON processed_event (processed_at);
