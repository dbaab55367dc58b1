-- aus state store, SQLite dialect, schema version 4: pauses that cancel scheduled upgrades.
-- Shipped migrations are never edited: add a new numbered file instead.

-- 1 when the pause deletes the upgrade policies it covers that have not started (aus pause --cancel-scheduled).
ALTER TABLE rollout_pause ADD COLUMN cancel_scheduled INTEGER NOT NULL DEFAULT 0;
