-- The title is part of each version (see the PostgreSQL migration of the same version). H2 has no trigger here.
alter table content_version add column title varchar(200);
update content_version v set title = (select i.title from content_item i where i.id = v.content_id);
