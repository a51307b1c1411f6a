-- Issue 12: a refresh asks, for each touched pair, which claim comes first by report id, then fact id (collation
-- "C", as Java compares strings): the pair's spelling. With these indexes that is one short index walk per pair,
-- in one metric and unit or in any; without them it sorted every claim of the pairs on every refresh, which at
-- 100,000 reports took minutes.
create index current_fact_pair_metric_first
    on current_fact (pair_key, metric, unit, report_id collate "C", fact_id collate "C");
create index current_fact_pair_first
    on current_fact (pair_key, report_id collate "C", fact_id collate "C");

-- The calendar year a fact's span lies within (null when it lies within none): the default scope's totals are
-- stored one year at a time as well (scope 'medium:2019'), so that the time series and reads of one year are
-- lookups. Set by the service (CurrentClaims.spanYear, from Claim.span()); facts from before this version get it
-- here, by the same rule, and the next start stores every total again.
alter table current_fact add column span_year integer;
update current_fact f set span_year = extract(year from f.period_start)
 where f.period_start is not null
   and extract(year from f.period_start) = extract(year from case when f.basis = 'cumulative'
                                                                  then coalesce(f.as_of, f.period_end)
                                                                  else coalesce(f.period_end, f.as_of) end);
update stored_totals_state set built = false where id = 1;
