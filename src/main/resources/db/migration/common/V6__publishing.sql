-- Publishing: the text of every version as rendered for each target platform (part of what reviewers approve and
-- of the version hash), and the bookkeeping that makes each publication happen exactly once.
create table content_rendering (
    content_id uuid           not null references content_item (id),
    version_no integer        not null,
    platform   varchar(32)    not null,
    body       varchar(70000) not null,
    sha256     varchar(64)    not null,
    primary key (content_id, version_no, platform)
);

-- attempts: network calls started; in_flight: a call was started and its outcome is not known (timeout, crash);
-- last_error: kind and the network's error code/message of the last failure (never the post text).
alter table publication add column attempts integer default 0 not null;
alter table publication add column in_flight boolean default false not null;
alter table publication add column last_error varchar(1000);
alter table publication add column deleted_at timestamp with time zone;
