-- Every facts event is measured against the highest revision seen so far (how far a revision may jump ahead), so
-- max(revision) is asked once per event: an index makes it one lookup instead of a scan of every report.
create index report_state_revision on report_state (revision);
