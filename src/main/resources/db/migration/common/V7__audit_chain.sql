-- Tamper-evident audit trail: every audit_event row carries its place in one hash chain.
--   seq       1, 2, 3 ... without gaps, assigned under the lock on audit_chain_head (one writer at a time,
--             whatever the number of engine nodes)
--   prev_hash the previous row's hash (64 zeros for seq 1)
--   hash      SHA-256 (lower-case hex) of the row's canonical JSON, see org.carepost.audit.AuditCanonical
-- Rows written before this migration have no seq yet; the application seals them into the chain at start-up.
alter table audit_event add column seq bigint;
alter table audit_event add column prev_hash varchar(64);
alter table audit_event add column hash varchar(64);
create unique index ux_audit_event_seq on audit_event (seq);
-- One item's history in chain order, and exports per period.
create index ix_audit_content_seq on audit_event (content_id, seq);
create index ix_audit_occurred on audit_event (occurred_at, seq);

-- The chain head: one row, locked (select ... for update) by every transaction that appends.
create table audit_chain_head (
    id        integer     primary key,
    last_seq  bigint      not null,
    last_hash varchar(64) not null,
    constraint ck_audit_chain_head_single check (id = 1)
);
insert into audit_chain_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Outbox cursors: the last seq each forwarding adapter (e.g. the SIEM) has received.
create table audit_forward_cursor (
    adapter  varchar(64) primary key,
    last_seq bigint      not null
);
