-- Vigil schema 3: escalations (one per urgent, emergency or watch flag raised anew), each step of
-- which is a row of its own; missed rounds with their reason. Insert-only, like the chart.

CREATE TABLE escalations (
  id          INTEGER PRIMARY KEY,
  stay_id     INTEGER NOT NULL REFERENCES stays(id),
  round_id    INTEGER NOT NULL REFERENCES rounds(id),
  rule_id     TEXT NOT NULL,
  level       TEXT NOT NULL CHECK (level IN ('watch', 'urgent', 'emergency')),
  message     TEXT NOT NULL,
  raised_at   TEXT NOT NULL,
  sbar        TEXT NOT NULL
);
CREATE INDEX escalations_by_stay ON escalations (stay_id);

CREATE TABLE escalation_steps (
  id              INTEGER PRIMARY KEY,
  escalation_id   INTEGER NOT NULL REFERENCES escalations(id),
  kind            TEXT NOT NULL CHECK (kind IN ('acknowledge', 'inform', 'respond', 'resolve', 'decline', 'supersede')),
  at              TEXT NOT NULL,
  by              INTEGER NOT NULL REFERENCES staff(id),
  clinician_name  TEXT,
  clinician_role  TEXT,
  method          TEXT CHECK (method IS NULL OR method IN ('phone', 'bleep', 'in person')),
  instructions    TEXT,
  reason          TEXT
);
CREATE INDEX escalation_steps_by_escalation ON escalation_steps (escalation_id);

CREATE TABLE missed_rounds (
  id          INTEGER PRIMARY KEY,
  stay_id     INTEGER NOT NULL REFERENCES stays(id),
  at          TEXT NOT NULL,
  reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  by          INTEGER NOT NULL REFERENCES staff(id)
);

CREATE TRIGGER escalations_no_update BEFORE UPDATE ON escalations
BEGIN SELECT RAISE(ABORT, 'escalations are never updated: add a step'); END;
CREATE TRIGGER escalations_no_delete BEFORE DELETE ON escalations
BEGIN SELECT RAISE(ABORT, 'escalations are never deleted'); END;
CREATE TRIGGER escalation_steps_no_update BEFORE UPDATE ON escalation_steps
BEGIN SELECT RAISE(ABORT, 'escalation steps are never updated'); END;
CREATE TRIGGER escalation_steps_no_delete BEFORE DELETE ON escalation_steps
BEGIN SELECT RAISE(ABORT, 'escalation steps are never deleted'); END;
CREATE TRIGGER missed_rounds_no_update BEFORE UPDATE ON missed_rounds
BEGIN SELECT RAISE(ABORT, 'missed rounds are never updated'); END;
CREATE TRIGGER missed_rounds_no_delete BEFORE DELETE ON missed_rounds
BEGIN SELECT RAISE(ABORT, 'missed rounds are never deleted'); END;
