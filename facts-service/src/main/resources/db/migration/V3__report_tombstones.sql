-- Reports withdrawn (deleted at ingest). Written by the withdrawal and read, under the same per-report lock, by
-- every later writer of that report's facts (a rerun, a late or redelivered ReportSubmitted), which then writes
-- nothing: a withdrawn report stays withdrawn whatever arrives after its deletion. Report ids are never reused.
CREATE TABLE report_tombstone (
    report_id    UUID PRIMARY KEY,
    withdrawn_at TIMESTAMPTZ NOT NULL
);
