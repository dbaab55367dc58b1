-- aus state store, PostgreSQL dialect, schema version 2: notification delivery records.
-- Shipped migrations are never edited: add a new numbered file instead.

-- One row per sink and notification. A replica claims a notification by inserting its row before
-- sending; the primary key makes any second claim (another replica, a later pass) insert nothing,
-- so nothing is sent twice. delivered_at stays NULL until the sink accepted it: a claim left
-- undelivered by a process that died before the sink answered is never sent (at most once).
CREATE TABLE notification_delivery (
    sink            text        NOT NULL,
    environment     text        NOT NULL,
    organization_id text        NOT NULL,
    cluster         text        NOT NULL,
    event           text        NOT NULL,
    version         text        NOT NULL,
    detail          text        NOT NULL,
    claimed_at      timestamptz NOT NULL,
    delivered_at    timestamptz NULL,
    PRIMARY KEY (sink, environment, organization_id, cluster, event, version, detail)
);

CREATE INDEX ix_notification_delivery_upgrade ON notification_delivery (sink, environment, organization_id, cluster, version);
