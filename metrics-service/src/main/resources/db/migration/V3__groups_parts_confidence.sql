-- Issue 9: facts name groups of regions, say how far they can be trusted, and link a part to its stated total.
-- A group's members are kept as JSON text ([{"name","code","level"}]) beside the group: they are read with the
-- fact, never queried on their own. Facts of older events have none of this: they are high-confidence regions.
alter table current_fact
    add column donor_members              text,
    add column donor_members_inferred     boolean     not null default false,
    add column recipient_members          text,
    add column recipient_members_inferred boolean     not null default false,
    add column confidence                 varchar(8)  not null default 'high',
    -- JSON array of short codes saying why the confidence is not high
    add column confidence_reasons         text,
    -- fact_id of the total (of the same report) this fact is a part of
    add column part_of                    varchar(100),
    add column figure_start               integer,
    add column figure_end                 integer;
