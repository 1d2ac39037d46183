-- Migration 15: what the charge and refund executors need (docs/idempotency.md §13).
-- * idempotency_keys.actor_id may be NULL: the worker's own operations (a renewal charge has no
--   staff member behind it); the key stays unique per actor, the worker counting as one actor.

ALTER TABLE idempotency_keys ALTER COLUMN actor_id DROP NOT NULL;
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_actor_id_idem_key_key;
ALTER TABLE idempotency_keys ADD CONSTRAINT idempotency_keys_actor_key UNIQUE NULLS NOT DISTINCT (actor_id, idem_key);
