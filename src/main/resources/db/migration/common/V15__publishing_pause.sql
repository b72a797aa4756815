-- Publishing pause (issue 19, item 1): during a crisis communications or privacy pause publishing, for every
-- department or one; scheduled posts are held (not failed, not lost) and released in publishAt order when a second
-- person resumes. Valid on both H2 and PostgreSQL.

-- One pause, keyed by its process instance (pause-publishing). Active while resumed_at is null.
create table publishing_pause (
    id             varchar(64)   primary key,
    scope          varchar(16)   not null,
    department     varchar(64),
    reason         varchar(1000) not null,
    expected_end   timestamp with time zone not null,
    paused_by      varchar(64)   not null,
    paused_at      timestamp with time zone not null,
    resumed_by     varchar(64),
    resumed_at     timestamp with time zone,
    how_ended      varchar(16),
    constraint ck_publishing_pause_scope check (scope in ('all', 'department')),
    constraint ck_publishing_pause_department check ((scope = 'all' and department is null)
        or (scope = 'department' and department is not null))
);
create index ix_publishing_pause_active on publishing_pause (resumed_at);

-- Each post a pause held at its scheduled time, and when the resume released it (the resume's report).
create table publishing_hold (
    pause_id     varchar(64) not null references publishing_pause (id),
    content_id   uuid        not null references content_item (id),
    held_at      timestamp with time zone not null,
    released_at  timestamp with time zone,
    primary key (pause_id, content_id)
);
