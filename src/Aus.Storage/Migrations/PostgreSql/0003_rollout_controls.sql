-- aus state store, PostgreSQL dialect, schema version 2: the rollout safety controls.
-- Shipped migrations are never edited: add a new numbered file instead.

-- Pauses in force, one per (organization, scope, target); target is '' for the organization.
CREATE TABLE rollout_pause (
    environment     text        NOT NULL,
    organization_id text        NOT NULL,
    scope           text        NOT NULL,
    target          text        NOT NULL DEFAULT '',
    reason          text        NULL,
    paused_until    timestamptz NULL,
    paused_by       text        NOT NULL,
    paused_at       timestamptz NOT NULL,
    PRIMARY KEY (environment, organization_id, scope, target)
);

-- Approvals of a version for a sector that requires them.
CREATE TABLE rollout_approval (
    environment     text        NOT NULL,
    organization_id text        NOT NULL,
    sector          text        NOT NULL,
    version         text        NOT NULL,
    note            text        NULL,
    approved_by     text        NOT NULL,
    approved_at     timestamptz NOT NULL,
    PRIMARY KEY (environment, organization_id, sector, version)
);

-- Versions halted after failed upgrades, until resumed.
CREATE TABLE version_halt (
    environment     text        NOT NULL,
    organization_id text        NOT NULL,
    version         text        NOT NULL,
    reason          text        NULL,
    halted_at       timestamptz NOT NULL,
    PRIMARY KEY (environment, organization_id, version)
);

-- Failed upgrades seen in OCM, one per (cluster, version); cleared_at is set when a resume forgave them.
CREATE TABLE upgrade_failure (
    environment     text        NOT NULL,
    organization_id text        NOT NULL,
    cluster         text        NOT NULL,
    version         text        NOT NULL,
    seen_at         timestamptz NOT NULL,
    cleared_at      timestamptz NULL,
    PRIMARY KEY (environment, organization_id, cluster, version)
);
