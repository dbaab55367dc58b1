-- aus state store, PostgreSQL dialect, schema version 4: pauses that cancel scheduled upgrades.
-- Shipped migrations are never edited: add a new numbered file instead.

-- True when the pause deletes the upgrade policies it covers that have not started (aus pause --cancel-scheduled).
ALTER TABLE rollout_pause ADD COLUMN cancel_scheduled boolean NOT NULL DEFAULT false;
