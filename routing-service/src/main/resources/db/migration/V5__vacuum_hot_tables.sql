-- The outbox and the queue tables are written and rewritten all day (every event is inserted, then deleted once
-- relayed; every interaction row is updated as it moves). Vacuum them after a fixed number of changes rather than a
-- fraction of their size, so dead rows never pile up in front of the relay's and the queue's index scans.
alter table outbox_event set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000,
                              autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 5000);
alter table interaction set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_threshold = 5000);
alter table campaign_queue set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);
alter table agent set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);
alter table offer set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);
