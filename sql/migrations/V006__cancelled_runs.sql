-- V006: a run (and its load batch) stopped on request (SIGTERM, Ctrl-C) is 'cancelled': it
-- left nothing half-written, and the next run does the rest. 'failed' stays for errors.
alter table meta.runs drop constraint runs_status_check;
alter table meta.runs add constraint runs_status_check
    check (status in ('running', 'succeeded', 'failed', 'cancelled'));
alter table raw.load_batches drop constraint load_batches_status_check;
alter table raw.load_batches add constraint load_batches_status_check
    check (status in ('running', 'succeeded', 'failed', 'cancelled'));
