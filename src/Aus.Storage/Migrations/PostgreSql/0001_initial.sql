-- aus state store, PostgreSQL dialect, schema version 1.
-- Shipped migrations are never edited: add a new numbered file instead.

-- One soak-history document per (OCM environment, organization[, add-on]), in the reference's
-- JSON (contracts.md section 3), kept as text so it reads back exactly as written. addon_id is ''
-- for an organization's own history, so the key has no NULL in it and the upsert's conflict
-- target works.
CREATE TABLE version_history (
    environment     text        NOT NULL,
    organization_id text        NOT NULL,
    addon_id        text        NOT NULL DEFAULT '',
    document        text        NOT NULL,
    check_in        timestamptz NULL,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (environment, organization_id, addon_id)
);

-- Every action aus took or refused.
CREATE TABLE audit_log (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recorded_at     timestamptz NOT NULL,
    environment     text        NOT NULL,
    organization_id text        NOT NULL,
    cluster         text        NULL,
    action          text        NOT NULL,
    version         text        NULL,
    reason          text        NULL,
    result          text        NOT NULL,
    operation_id    text        NULL
);

CREATE INDEX ix_audit_log_organization ON audit_log (environment, organization_id, recorded_at);
CREATE INDEX ix_audit_log_recorded_at ON audit_log (recorded_at);

-- Service logs sent to OCM, so the same message is not sent twice within the dedup window.
CREATE TABLE service_log (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cluster_uuid text        NOT NULL,
    summary      text        NOT NULL,
    description  text        NOT NULL,
    sent_at      timestamptz NOT NULL
);

CREATE INDEX ix_service_log_cluster ON service_log (cluster_uuid, summary, sent_at);
