-- aus state store, SQLite dialect, schema version 1.
-- Shipped migrations are never edited: add a new numbered file instead.
-- Times are UTC text 'yyyy-MM-ddTHH:mm:ss.ffffffZ', which sorts in time order.

-- One soak-history document per (OCM environment, organization[, add-on]), in the reference's
-- JSON (contracts.md section 3). addon_id is '' for an organization's own history, so the key
-- has no NULL in it and the upsert's conflict target works.
CREATE TABLE version_history (
    environment     TEXT NOT NULL,
    organization_id TEXT NOT NULL,
    addon_id        TEXT NOT NULL DEFAULT '',
    document        TEXT NOT NULL,
    check_in        TEXT NULL,
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (environment, organization_id, addon_id)
);

-- Every action aus took or refused.
CREATE TABLE audit_log (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    recorded_at     TEXT NOT NULL,
    environment     TEXT NOT NULL,
    organization_id TEXT NOT NULL,
    cluster         TEXT NULL,
    action          TEXT NOT NULL,
    version         TEXT NULL,
    reason          TEXT NULL,
    result          TEXT NOT NULL,
    operation_id    TEXT NULL
);

CREATE INDEX ix_audit_log_organization ON audit_log (environment, organization_id, recorded_at);
CREATE INDEX ix_audit_log_recorded_at ON audit_log (recorded_at);

-- Service logs sent to OCM, so the same message is not sent twice within the dedup window.
CREATE TABLE service_log (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    cluster_uuid TEXT NOT NULL,
    summary      TEXT NOT NULL,
    description  TEXT NOT NULL,
    sent_at      TEXT NOT NULL
);

CREATE INDEX ix_service_log_cluster ON service_log (cluster_uuid, summary, sent_at);
