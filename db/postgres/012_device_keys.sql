-- Vigil schema 12 on PostgreSQL (issue 13), as db/012_device_keys.sql: a round and an escalation step carry a key made on the device that
-- saved them. A save whose commit reached the record but whose answer was lost (a dropped network)
-- is sent again with the same key, and the record keeps the first: nothing is saved twice. Rows
-- from before have none (NULL), which the unique indexes leave alone. The same text runs on
-- PostgreSQL (db/postgres/012_device_keys.sql): the column comes last on both engines, so a row
-- hashes the same on both.
ALTER TABLE rounds ADD COLUMN device_key TEXT;
CREATE UNIQUE INDEX rounds_by_device_key ON rounds (device_key) WHERE device_key IS NOT NULL;
ALTER TABLE escalation_steps ADD COLUMN device_key TEXT;
CREATE UNIQUE INDEX escalation_steps_by_device_key ON escalation_steps (device_key)
  WHERE device_key IS NOT NULL;
