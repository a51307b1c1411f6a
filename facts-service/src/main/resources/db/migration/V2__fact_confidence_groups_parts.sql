-- What the extractor now says about each fact: how far to trust it and why, the members of a group party, which
-- total a figure is a part of, and where the figure itself sits in the text.
-- Facts stored before this were all taken as certain: they read as confidence 'high' with no reasons.
ALTER TABLE fact
    ADD COLUMN confidence                 VARCHAR(8) NOT NULL DEFAULT 'high'
        CHECK (confidence IN ('high', 'medium', 'low')),
    ADD COLUMN reasons                    TEXT       NOT NULL DEFAULT '[]',
    -- Deferred: a part may be inserted before its whole within the transaction that records a report.
    ADD COLUMN part_of                    UUID       REFERENCES fact (id) DEFERRABLE INITIALLY DEFERRED,
    -- JSON arrays of {name, code, level}; NULL for a region.
    ADD COLUMN donor_members              TEXT,
    ADD COLUMN donor_members_inferred     BOOLEAN    NOT NULL DEFAULT FALSE,
    ADD COLUMN recipient_members          TEXT,
    ADD COLUMN recipient_members_inferred BOOLEAN    NOT NULL DEFAULT FALSE,
    -- NULL for facts stored before the extractor reported them.
    ADD COLUMN evidence_figure_start      INTEGER,
    ADD COLUMN evidence_figure_end        INTEGER,
    ADD CONSTRAINT fact_part_of_another_fact CHECK (part_of <> id);

-- Deleting a report's facts checks the part_of references; without this each deleted row scans the table.
CREATE INDEX fact_part_of ON fact (part_of) WHERE part_of IS NOT NULL;
