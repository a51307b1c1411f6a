-- Issue 11: analysts confirm, correct or reject facts, and add figures the machine missed. A fact's review comes
-- with every revision of its report (each review publishes a new one), so it is replaced with the facts and never
-- updated. Rejected facts are kept, so that a report's row count is what facts-service published, but they never
-- become claims. Facts of older events were added by the machine and nobody has reviewed them.
alter table current_fact
    add column origin         varchar(16) not null default 'machine',
    add column review_status  varchar(16) not null default 'unreviewed',
    -- a confirmation the machine's new reading no longer matches: back in the analysts' queue
    add column review_changed boolean     not null default false,
    -- the reviewer's API key name (service-edge keeps them to 64 characters)
    add column reviewed_by    varchar(64),
    add column reviewed_at    timestamptz;
