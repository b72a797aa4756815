-- The audit trail is append-only, even for someone with SQL access: UPDATE and DELETE are refused.
-- One exception: sealing a row written before V7 into the chain (seq, prev_hash and hash set once, from null,
-- every other column unchanged).
create function carepost_audit_refuse_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.seq is null and new.seq is not null
       and new.id = old.id and new.occurred_at = old.occurred_at
       and new.actor = old.actor and new.action = old.action
       and new.content_id is not distinct from old.content_id
       and new.version_hash is not distinct from old.version_hash
       and new.consent_id is not distinct from old.consent_id
       and new.decision is not distinct from old.decision
       and new.comment is not distinct from old.comment
       and new.process_instance_id is not distinct from old.process_instance_id
       and new.task_id is not distinct from old.task_id then
        return new;
    end if;
    raise exception 'table audit_event is append-only: % refused', tg_op;
end;
$$;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function carepost_audit_refuse_change();
