-- PHI findings: the privacy office may dismiss a finding as "not PHI" (with a short reason, never the finding's
-- text), and titles are scanned like the text, so each finding names the field it is in.
alter table phi_finding drop constraint ck_phi_finding_status;
alter table phi_finding add constraint ck_phi_finding_status
    check (status in ('OPEN', 'REDACTED', 'COVERED_BY_AUTHORIZATION', 'DISMISSED_NOT_PHI'));

alter table phi_finding add column field_name varchar(16) default 'TEXT' not null;
alter table phi_finding add constraint ck_phi_finding_field check (field_name in ('TEXT', 'TITLE'));
alter table phi_finding drop constraint uq_phi_finding;
alter table phi_finding add constraint uq_phi_finding
    unique (content_id, version_no, field_name, start_offset, end_offset, phi_type);

-- Why the privacy office decided as it did: required for DISMISSED_NOT_PHI, at most 200 characters.
alter table phi_finding add column reason varchar(200);
alter table phi_finding add constraint ck_phi_finding_reason
    check (status <> 'DISMISSED_NOT_PHI' or reason is not null);

-- A later version's finding that carries an earlier decision (the same span, unchanged): the first finding decided.
alter table phi_finding add column carried_from bigint references phi_finding (id);
