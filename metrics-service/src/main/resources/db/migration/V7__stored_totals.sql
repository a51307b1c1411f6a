-- Issue 12: totals are worked out when facts change and stored, so that reads are lookups that do not grow with
-- the record. Each fact carries its pair's identity (Pair.identity(), set by the service) so that the claims of
-- one pair and metric are one index range. Rows from before this version get it at start-up (StoredTotals).
alter table current_fact add column pair_key text;
create index current_fact_pair on current_fact (pair_key, metric, unit);

-- One row per scope ('medium': the default high and medium facts; 'low': every fact), metric, unit and pair: the
-- total as a reader sees it (body, JSON, without its claims: those are worked out on the rare read that asks for
-- them). report_ids lists the reports it adds up, read only to count reports over several totals. root_key is the
-- top of the pair's roll-up tree: a tree is replaced as a whole when a change reaches it.
create table stored_total (
    scope      varchar(16) not null,
    metric     varchar(64) not null,
    unit       varchar(32) not null,
    pair_key   text        not null,
    root_key   text        not null,
    parent_key text,
    body       text        not null,
    report_ids text[]      not null,
    primary key (scope, metric, unit, pair_key)
);
create index stored_total_root on stored_total (scope, metric, unit, root_key);
create index stored_total_parent on stored_total (scope, metric, unit, parent_key);

-- How many distinct reports each pair's totals add up, over all its metrics (GET /pairs), per scope.
create table stored_pair (
    scope        varchar(16) not null,
    pair_key     text        not null,
    report_count integer     not null,
    primary key (scope, pair_key)
);

-- The spelling of each pair the roll-up hierarchy knew when totals were last stored, per scope: a change to it
-- (a pair first or last stated, or first spelled anew) reaches every metric's trees.
create table known_pair (
    scope    varchar(16) not null,
    pair_key text        not null,
    pair     text        not null,
    primary key (scope, pair_key)
);

-- What applied events changed and the stored totals do not reflect yet: one row per report revision and scope,
-- metric, unit and pair its facts stated before or state now (metric null for a revision that states nothing).
-- Applying an event only adds rows here; the totals refresher works them off in batches and deletes them.
create table pending_total_change (
    id        bigserial   primary key,
    report_id text        not null,
    revision  bigint      not null,
    scope     varchar(16),
    metric    varchar(64),
    unit      varchar(32),
    pair_key  text
);

-- When the stored totals first reflected the report's applied revision; null until they do.
alter table report_state add column totals_at timestamp with time zone;

-- Whether the stored totals have been built from the facts at least once (false after this migration, so that a
-- deployment with facts gets its totals at the next start).
create table stored_totals_state (
    id    integer primary key,
    built boolean not null
);
insert into stored_totals_state (id, built) values (1, false);
