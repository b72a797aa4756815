-- A content version is evidence of what was approved: nobody may change or remove it, not even by hand.
create function carepost_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'table % is append-only: % refused', tg_table_name, tg_op;
end;
$$;

create trigger content_version_append_only
    before update or delete on content_version
    for each row execute function carepost_refuse_change();
