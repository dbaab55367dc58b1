-- aus state store, SQLite dialect, schema version 2: notification delivery records.
-- Shipped migrations are never edited: add a new numbered file instead.

-- One row per sink and notification. A process claims a notification by inserting its row before
-- sending; the primary key makes any second claim insert nothing, so nothing is sent twice.
-- delivered_at stays NULL until the sink accepted it: a claim left undelivered by a process that
-- died before the sink answered is never sent (at most once).
CREATE TABLE notification_delivery (
    sink            TEXT NOT NULL,
    environment     TEXT NOT NULL,
    organization_id TEXT NOT NULL,
    cluster         TEXT NOT NULL,
    event           TEXT NOT NULL,
    version         TEXT NOT NULL,
    detail          TEXT NOT NULL,
    claimed_at      TEXT NOT NULL,
    delivered_at    TEXT NULL,
    PRIMARY KEY (sink, environment, organization_id, cluster, event, version, detail)
);

CREATE INDEX ix_notification_delivery_upgrade ON notification_delivery (sink, environment, organization_id, cluster, version);
