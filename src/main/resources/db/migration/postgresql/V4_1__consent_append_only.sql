-- Authorizations, their documents and their revocations are HIPAA documentation (retained 6 years): nobody may
-- change or remove them, not even by hand. Reuses carepost_refuse_change() from V1_1.
create trigger consent_append_only
    before update or delete on consent
    for each row execute function carepost_refuse_change();

create trigger consent_platform_append_only
    before update or delete on consent_platform
    for each row execute function carepost_refuse_change();

create trigger consent_document_append_only
    before update or delete on consent_document
    for each row execute function carepost_refuse_change();

create trigger consent_revocation_append_only
    before update or delete on consent_revocation
    for each row execute function carepost_refuse_change();
