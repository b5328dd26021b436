-- Vigil schema 14 (issue 13): who is doing what. A round form opened at a bed writes an
-- 'opened' row; leaving it unsaved writes 'left'. Other devices' boards show "round in progress:
-- Nurse X (since 14:02)" until the round with the same device key is saved, the form is left, or
-- the opening is older than 15 minutes (ward::kRoundInProgressFor). Insert-only, like the rest.
CREATE TABLE round_openings (
  id          INTEGER PRIMARY KEY,
  stay_id     INTEGER NOT NULL REFERENCES stays(id),
  staff_id    INTEGER NOT NULL REFERENCES staff(id),
  device_key  TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('opened', 'left')),
  at          TEXT NOT NULL
);
CREATE INDEX round_openings_by_stay ON round_openings (stay_id, id);

CREATE TRIGGER round_openings_no_update BEFORE UPDATE ON round_openings
BEGIN SELECT RAISE(ABORT, 'round openings are never updated'); END;
CREATE TRIGGER round_openings_no_delete BEFORE DELETE ON round_openings
BEGIN SELECT RAISE(ABORT, 'round openings are never deleted'); END;
