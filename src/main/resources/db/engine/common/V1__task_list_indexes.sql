-- Indexes on Camunda's own tables for Tasklist's group filters ("My groups' tasks" and the review filters); see
-- README "Tasklist at scale" and org.carepost.identity.TasklistBenchmark.
-- A group's candidate tasks read from the index alone (Camunda indexes GROUP_ID_ and TASK_ID_ only separately).
create index if not exists carepost_idx_identlink_group_task on act_ru_identitylink (group_id_, type_, task_id_);
-- The filters sort by due date, then creation: the first page is read in index order and stops after 15 rows
-- instead of sorting every task of the group.
create index if not exists carepost_idx_task_due_create on act_ru_task (due_date_, create_time_);
