-- Vigil schema 4: limits a clinician sets for one patient, with who, why and until when.

CREATE TABLE patient_limits (
  id          INTEGER PRIMARY KEY,
  stay_id     INTEGER NOT NULL REFERENCES stays(id),
  field       TEXT NOT NULL,
  low         REAL,
  high        REAL,
  clinician   TEXT NOT NULL CHECK (length(trim(clinician)) > 0),
  reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  set_at      TEXT NOT NULL,
  set_by      INTEGER NOT NULL REFERENCES staff(id),
  expires_at  TEXT NOT NULL,
  CHECK (low IS NOT NULL OR high IS NOT NULL)
);
CREATE INDEX patient_limits_by_stay ON patient_limits (stay_id);

CREATE TRIGGER patient_limits_no_update BEFORE UPDATE ON patient_limits
BEGIN SELECT RAISE(ABORT, 'patient limits are never updated: set a new one'); END;
CREATE TRIGGER patient_limits_no_delete BEFORE DELETE ON patient_limits
BEGIN SELECT RAISE(ABORT, 'patient limits are never deleted'); END;
