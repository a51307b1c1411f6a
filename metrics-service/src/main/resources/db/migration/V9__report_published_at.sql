-- The report's publication date, as its newest applied facts event gave it (null when it gave none, and for events
-- from before the field): the headline figures say how recent the newest report behind them is.
alter table report_state add column published_at date;
