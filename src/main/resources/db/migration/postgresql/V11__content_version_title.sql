-- The title is part of each version: a redaction of PHI in the title makes a new version like one in the text, and
-- the title as first written stays in the version store. Existing versions get their item's title.
alter table content_version add column title varchar(200);

alter table content_version disable trigger content_version_append_only;
update content_version v set title = (select i.title from content_item i where i.id = v.content_id);
alter table content_version enable trigger content_version_append_only;
