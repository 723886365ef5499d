-- Phase 2's pre-filter: once the reward model is ready, a trial renders more candidates than it shows. The candidates
-- not shown stay with the trial (their renders and features are kept) but are never rated.
alter table learning_option add column shown boolean not null default true;
alter table learning_experiment add column candidates integer;
