-- Analyst review, on the facts themselves: a fact row carries its current standing so that GET /facts, the queue and
-- the facts topic answer without reading the audit trail (fact_review) on every request. fact_review stays the
-- record of who said what; these columns are what it amounts to now.
ALTER TABLE source_report ADD COLUMN source_url TEXT;

-- machine: found by an extractor, replaced by each extraction; analyst: added by a person, kept across extractions
ALTER TABLE fact ADD COLUMN origin VARCHAR(16) NOT NULL DEFAULT 'machine';
ALTER TABLE fact ADD COLUMN review_status VARCHAR(16) NOT NULL DEFAULT 'unreviewed';
-- a confirmation the machine's new reading no longer matches: back in the queue
ALTER TABLE fact ADD COLUMN review_changed BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE fact ADD COLUMN reviewed_by VARCHAR(64);
ALTER TABLE fact ADD COLUMN reviewed_at TIMESTAMPTZ;
ALTER TABLE fact ADD COLUMN review_note TEXT;
-- the metric the fact was first read as (by the machine, or by the analyst who added it): with the figure's offsets
-- it is the fact's anchor, which a correction of the metric must not move (null: the fact's own metric)
ALTER TABLE fact ADD COLUMN anchor_metric VARCHAR(64);
UPDATE fact SET anchor_metric = metric;
-- for a corrected fact, the machine's own reading as JSON (the row's fields hold the corrected values)
ALTER TABLE fact ADD COLUMN extracted TEXT;
ALTER TABLE fact ADD CONSTRAINT fact_origin CHECK (origin IN ('machine', 'analyst'));
ALTER TABLE fact ADD CONSTRAINT fact_review_status
    CHECK (review_status IN ('unreviewed', 'confirmed', 'corrected', 'rejected'));
-- the review queue reads unreviewed facts
CREATE INDEX fact_unreviewed ON fact (review_status) WHERE review_status = 'unreviewed';

-- Every machine reading of every figure, one row per fact per extraction: a fact's history shows what each extractor
-- version read at its anchor, next to the reviews. Deleted with its report.
CREATE TABLE machine_reading (
    id                BIGSERIAL     PRIMARY KEY,
    report_id         UUID          NOT NULL REFERENCES source_report (id) ON DELETE CASCADE,
    fact_id           UUID          NOT NULL,
    figure_start      INTEGER       NOT NULL,
    figure_end        INTEGER       NOT NULL,
    metric            VARCHAR(64)   NOT NULL,
    extractor_version VARCHAR(32)   NOT NULL,
    revision          BIGINT        NOT NULL,
    -- the reading as JSON: value, unit, qualifier, basis, period, parties, confidence
    reading           TEXT          NOT NULL,
    recorded_at       TIMESTAMPTZ   NOT NULL
);
CREATE INDEX machine_reading_anchor ON machine_reading (report_id, figure_start, figure_end, metric, revision);
CREATE INDEX machine_reading_fact ON machine_reading (fact_id);
