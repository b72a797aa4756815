-- The auditor's list (/audit) filters by period and department and sorts by submission time, a page at a time.
create index ix_content_item_created on content_item (created_at);
create index ix_content_item_department_created on content_item (department, created_at);
