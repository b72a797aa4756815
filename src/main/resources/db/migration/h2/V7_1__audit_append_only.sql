-- H2 (embedded demo database) has no PL/pgSQL; the application never updates or deletes audit events and the
-- hash chain reveals any change. Kept so both vendors share one version history.
select 1;
