-- Issue 12: totals are worked out when facts change and stored, so that reads are lookups that do not grow with
-- the record. Each fact carries its pair's identity (Pair.identity(), set by the service) so that the claims of
-- one pair and metric are one index range. Rows from before this version get it at start-up (StoredTotals).
alter table current_fact add column pair_key text;
create index current_fact_pair on current_fact (pair_key, metric, unit);

-- One row per scope ('medium': the default high and medium facts; 'low': every fact), metric, unit and pair:
-- the total as a reader sees it (body, JSON) and its claims (claims, JSON), read only when asked for. root_key is
-- the top of the pair's roll-up tree: a tree is replaced as a whole when a change reaches it.
create table stored_total (
    scope      varchar(16) not null,
    metric     varchar(64) not null,
    unit       varchar(32) not null,
    pair_key   text        not null,
    root_key   text        not null,
    parent_key text,
    body       text        not null,
    claims     text        not null,
    primary key (scope, metric, unit, pair_key)
);
create index stored_total_root on stored_total (scope, metric, unit, root_key);
create index stored_total_parent on stored_total (scope, metric, unit, parent_key);

-- Whether the stored totals have been built from the facts at least once (false after this migration, so that a
-- deployment with facts gets its totals at the next start).
create table stored_totals_state (
    id    integer primary key,
    built boolean not null
);
insert into stored_totals_state (id, built) values (1, false);
