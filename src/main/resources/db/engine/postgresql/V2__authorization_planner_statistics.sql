-- Every task query with authorization on joins ACT_RU_AUTHORIZATION filtered by "PERMS_ & 2 = 2" (READ) or
-- "PERMS_ & 64 = 64" (READ_TASK). PostgreSQL has no statistics for such an expression and guesses 0.5% of the
-- rows; the engine writes one row per task and candidate group, so with 100,000 open tasks it guessed about 100
-- matching rows for 24,000 and joined every task against every row (57 s for one Tasklist count). With statistics
-- on the expressions the estimate is right and it probes the index per task instead (TasklistBenchmark).
-- They are collected by the next ANALYZE (autovacuum's, on by default). Not analysed here: on a database that is
-- about to grow, numbers taken now would be wrong for longer than none at all.
create statistics if not exists carepost_auth_perms_read on ((perms_ & 2)) from act_ru_authorization;
create statistics if not exists carepost_auth_perms_read_task on ((perms_ & 64)) from act_ru_authorization;
