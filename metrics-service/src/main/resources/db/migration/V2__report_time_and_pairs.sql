-- When facts-service produced the report's current facts (the event's occurredAt). Decides between
-- conflicting claims ("the latest report"); taken from the event so that a replay decides exactly as before.
alter table report_state add column occurred_at timestamptz;

-- Totals are computed per pair; the projection also reads a report's pairs to say which totals changed.
create index current_fact_report on current_fact (report_id);
