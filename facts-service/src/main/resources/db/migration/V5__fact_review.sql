-- Analysts' reviews of facts, one row per review and never updated: the rows are the audit trail, and a fact's
-- standing is its latest review (org.counterpart.facts.review.ReviewAnchoring).
-- A review holds at an anchor (report, the figure's offsets in the stored text, metric), not at a fact id: fact ids
-- change with every extraction, the stored text never does, so a rerun finds the same figure again.
-- Deleting a report deletes its reviews with it, as it deletes its facts.
CREATE TABLE fact_review (
    id                UUID          PRIMARY KEY,
    report_id         UUID          NOT NULL REFERENCES source_report (id) ON DELETE CASCADE,
    figure_start      INTEGER       NOT NULL,
    figure_end        INTEGER       NOT NULL,
    metric            VARCHAR(64)   NOT NULL,
    -- machine: a fact an extractor found (replaced by each extraction); analyst: one an analyst added
    fact_origin       VARCHAR(16)   NOT NULL,
    -- the fact reviewed, for the history of that fact id; it may no longer exist after a rerun
    fact_id           UUID          NOT NULL,
    action            VARCHAR(16)   NOT NULL,
    -- the machine's reading the analyst saw: a confirmation covers this reading and no other
    seen_value        NUMERIC(24,4) NOT NULL,
    seen_unit         VARCHAR(32)   NOT NULL,
    seen_donor        VARCHAR(300),
    seen_recipient    VARCHAR(300),
    seen_period_start DATE,
    seen_period_end   DATE,
    -- for a correction, the corrected fields as JSON (e.g. {"value": 304000000, "recipient": {...}}); else null
    correction        TEXT,
    note              TEXT,
    -- the name of the reviewer's API key ('local' in the open sandbox)
    reviewed_by       VARCHAR(64)   NOT NULL,
    reviewed_at       TIMESTAMPTZ   NOT NULL,
    CONSTRAINT fact_review_figure CHECK (figure_start >= 0 AND figure_end > figure_start),
    CONSTRAINT fact_review_origin CHECK (fact_origin IN ('machine', 'analyst')),
    CONSTRAINT fact_review_action CHECK (action IN ('confirm', 'correct', 'reject')),
    CONSTRAINT fact_review_correction CHECK ((action = 'correct') = (correction IS NOT NULL))
);
-- Re-applying a report's reviews after an extraction reads them all, latest last.
CREATE INDEX fact_review_anchor ON fact_review (report_id, figure_start, figure_end, metric, reviewed_at);
CREATE INDEX fact_review_fact ON fact_review (fact_id);
