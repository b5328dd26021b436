-- Vigil schema 8 (issue 11): one event, one escalation; rounds that tighten; rash on the checklist.
--
-- The flags one round raises for a patient belong to one escalation: escalation_flags lists them
-- (and any that join it later). A higher flag raises the open escalation: a 'raise' step with the
-- new level and the SBAR for the new call. SQLite cannot widen a CHECK in place, so
-- escalation_steps is rebuilt with the same rows, ids and columns in the same order; the two new
-- columns come last and are NULL on old rows, which the audit leaves out of a row's content
-- while NULL (store/audit.cpp), so every hash written before still verifies.

ALTER TABLE rounds ADD COLUMN rash INTEGER; -- clinical-reference §6: yes/no, NULL not asked

CREATE TABLE escalation_flags (
  id             INTEGER PRIMARY KEY,
  escalation_id  INTEGER NOT NULL REFERENCES escalations(id),
  round_id       INTEGER NOT NULL REFERENCES rounds(id),
  rule_id        TEXT NOT NULL,
  level          TEXT NOT NULL CHECK (level IN ('watch', 'urgent', 'emergency')),
  message        TEXT NOT NULL,
  added_at       TEXT NOT NULL
);
CREATE INDEX escalation_flags_by_escalation ON escalation_flags (escalation_id);

CREATE TABLE escalation_steps_v8 (
  id              INTEGER PRIMARY KEY,
  escalation_id   INTEGER NOT NULL REFERENCES escalations(id),
  kind            TEXT NOT NULL CHECK (kind IN ('acknowledge', 'inform', 'respond', 'resolve', 'decline', 'supersede', 'raise')),
  at              TEXT NOT NULL,
  by              INTEGER NOT NULL REFERENCES staff(id),
  clinician_name  TEXT,
  clinician_role  TEXT,
  method          TEXT CHECK (method IS NULL OR method IN ('phone', 'bleep', 'in person')),
  instructions    TEXT,
  reason          TEXT,
  level           TEXT CHECK (level IS NULL OR level IN ('watch', 'urgent', 'emergency')),
  sbar            TEXT,
  CHECK (kind != 'raise' OR level IS NOT NULL)
);
INSERT INTO escalation_steps_v8 (id, escalation_id, kind, at, by, clinician_name, clinician_role,
                                 method, instructions, reason)
  SELECT id, escalation_id, kind, at, by, clinician_name, clinician_role, method, instructions,
         reason FROM escalation_steps;
DROP TABLE escalation_steps; -- drops its triggers and index too; recreated below
ALTER TABLE escalation_steps_v8 RENAME TO escalation_steps;
CREATE INDEX escalation_steps_by_escalation ON escalation_steps (escalation_id);

-- A clinician's observation frequency for one patient (clinical-reference §4): who, why, until
-- when. Stricter than the schedule is always accepted; looser needs the clinician's name and
-- reason (checked in core/observation_frequency.cpp; the columns may be empty for stricter).
CREATE TABLE observation_frequencies (
  id               INTEGER PRIMARY KEY,
  stay_id          INTEGER NOT NULL REFERENCES stays(id),
  every_minutes    INTEGER NOT NULL CHECK (every_minutes > 0),
  clinician        TEXT NOT NULL DEFAULT '',
  reason           TEXT NOT NULL DEFAULT '',
  looser           INTEGER NOT NULL CHECK (looser IN (0, 1)),
  set_at           TEXT NOT NULL,
  set_by           INTEGER NOT NULL REFERENCES staff(id),
  expires_at       TEXT NOT NULL,
  escalation_id    INTEGER REFERENCES escalations(id), -- set from this escalation's page, if so
  CHECK (looser = 0 OR (length(trim(clinician)) > 0 AND length(trim(reason)) > 0))
);
CREATE INDEX observation_frequencies_by_stay ON observation_frequencies (stay_id);

CREATE TRIGGER escalation_flags_no_update BEFORE UPDATE ON escalation_flags
BEGIN SELECT RAISE(ABORT, 'escalation flags are never updated'); END;
CREATE TRIGGER escalation_flags_no_delete BEFORE DELETE ON escalation_flags
BEGIN SELECT RAISE(ABORT, 'escalation flags are never deleted'); END;
CREATE TRIGGER escalation_steps_no_update BEFORE UPDATE ON escalation_steps
BEGIN SELECT RAISE(ABORT, 'escalation steps are never updated'); END;
CREATE TRIGGER escalation_steps_no_delete BEFORE DELETE ON escalation_steps
BEGIN SELECT RAISE(ABORT, 'escalation steps are never deleted'); END;
CREATE TRIGGER observation_frequencies_no_update BEFORE UPDATE ON observation_frequencies
BEGIN SELECT RAISE(ABORT, 'observation frequencies are never updated: set a new one'); END;
CREATE TRIGGER observation_frequencies_no_delete BEFORE DELETE ON observation_frequencies
BEGIN SELECT RAISE(ABORT, 'observation frequencies are never deleted'); END;
