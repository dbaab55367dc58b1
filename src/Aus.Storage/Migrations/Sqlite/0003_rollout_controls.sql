-- aus state store, SQLite dialect, schema version 2: the rollout safety controls.
-- Shipped migrations are never edited: add a new numbered file instead.

-- Pauses in force, one per (organization, scope, target); target is '' for the organization.
CREATE TABLE rollout_pause (
    environment     TEXT NOT NULL,
    organization_id TEXT NOT NULL,
    scope           TEXT NOT NULL,
    target          TEXT NOT NULL DEFAULT '',
    reason          TEXT NULL,
    paused_until    TEXT NULL,
    paused_by       TEXT NOT NULL,
    paused_at       TEXT NOT NULL,
    PRIMARY KEY (environment, organization_id, scope, target)
);

-- Approvals of a version for a sector that requires them.
CREATE TABLE rollout_approval (
    environment     TEXT NOT NULL,
    organization_id TEXT NOT NULL,
    sector          TEXT NOT NULL,
    version         TEXT NOT NULL,
    note            TEXT NULL,
    approved_by     TEXT NOT NULL,
    approved_at     TEXT NOT NULL,
    PRIMARY KEY (environment, organization_id, sector, version)
);

-- Versions halted after failed upgrades, until resumed.
CREATE TABLE version_halt (
    environment     TEXT NOT NULL,
    organization_id TEXT NOT NULL,
    version         TEXT NOT NULL,
    reason          TEXT NULL,
    halted_at       TEXT NOT NULL,
    PRIMARY KEY (environment, organization_id, version)
);

-- Failed upgrades seen in OCM, one per (cluster, version); cleared_at is set when a resume forgave them.
CREATE TABLE upgrade_failure (
    environment     TEXT NOT NULL,
    organization_id TEXT NOT NULL,
    cluster         TEXT NOT NULL,
    version         TEXT NOT NULL,
    seen_at         TEXT NOT NULL,
    cleared_at      TEXT NULL,
    PRIMARY KEY (environment, organization_id, cluster, version)
);
