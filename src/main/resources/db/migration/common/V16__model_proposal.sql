-- Model changes under four eyes (issue 17): a deployment from Camunda Modeler is a proposal (engine tenant
-- "model-proposal", its process definitions suspended) until a second person of compliance or privacy approves it.
-- Who deployed is read from here when somebody approves, never from a process variable. Valid on H2 and PostgreSQL.
create table model_proposal (
    deployment_id  varchar(64)  primary key,
    deployed_by    varchar(64)  not null,
    proposed_at    timestamp with time zone not null,
    status         varchar(16)  not null,
    decided_by     varchar(64),
    decided_at     timestamp with time zone,
    activated_as   varchar(64),
    constraint ck_model_proposal_status check (status in ('pending', 'refused', 'rejected', 'approved', 'activated'))
);
create index ix_model_proposal_status on model_proposal (status);
