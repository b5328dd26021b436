-- Vigil schema 1: staff, stays, observation rounds and their amendments.
-- Clinical rows are never updated or deleted: a correction is an amendment row. The triggers at
-- the end enforce that for anything that writes to this file, not only for Vigil's own code.
-- Times are UTC, RFC 3339 ("2026-11-22T07:05:00Z"), so text order is time order.

CREATE TABLE staff (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  role        TEXT NOT NULL CHECK (role IN ('nurse', 'charge_nurse', 'admin')),
  created_at  TEXT NOT NULL
);

CREATE TABLE stays (
  id                    INTEGER PRIMARY KEY,
  bed                   TEXT NOT NULL,
  name                  TEXT NOT NULL,
  mrn                   TEXT NOT NULL,
  date_of_birth         TEXT,
  procedure             TEXT NOT NULL CHECK (procedure IN ('implant', 'revision', 'refill', 'trial')),
  since                 TEXT NOT NULL,          -- implant, or last fill or bolus
  drugs                 TEXT NOT NULL,          -- comma-separated codes
  risks                 TEXT NOT NULL,          -- comma-separated codes
  spo2_scale            INTEGER NOT NULL CHECK (spo2_scale IN (1, 2)),
  scale2_prescribed_by  TEXT,
  pain_goal             INTEGER NOT NULL CHECK (pain_goal BETWEEN 0 AND 10),
  admitted_at           TEXT NOT NULL,
  admitted_by           INTEGER NOT NULL REFERENCES staff(id),
  CHECK (spo2_scale = 1 OR length(trim(scale2_prescribed_by)) > 0)
);

CREATE TABLE discharges (
  stay_id       INTEGER PRIMARY KEY REFERENCES stays(id),
  discharged_at TEXT NOT NULL,
  discharged_by INTEGER NOT NULL REFERENCES staff(id)
);

CREATE TABLE rounds (
  id                    INTEGER PRIMARY KEY,
  stay_id               INTEGER NOT NULL REFERENCES stays(id),
  taken_at              TEXT NOT NULL,
  recorded_at           TEXT NOT NULL,
  recorded_by           INTEGER NOT NULL REFERENCES staff(id),
  spo2_scale            INTEGER NOT NULL CHECK (spo2_scale IN (1, 2)),
  partial_reason        TEXT,
  rr REAL, spo2 REAL, o2_flow REAL, sbp REAL, dbp REAL, hr REAL, temp REAL, pain REAL,
  nausea REAL, vomits REAL, itching REAL, headache REAL, rass REAL, bromage REAL,
  o2 INTEGER, headache_postural INTEGER, neck_stiffness INTEGER, bowels_opened INTEGER,
  wound_leak INTEGER, new_weakness INTEGER, new_numbness INTEGER, bladder_bowel_change INTEGER,
  acvpu TEXT CHECK (acvpu IN ('A', 'C', 'V', 'P', 'U')),
  poss TEXT CHECK (poss IN ('S', '1', '2', '3', '4')),
  bleeding TEXT CHECK (bleeding IN ('none', 'ooze', 'active')),
  pocket_swelling TEXT CHECK (pocket_swelling IN ('none', 'stable', 'expanding')),
  confirmed             TEXT NOT NULL DEFAULT '', -- fields re-measured and confirmed, comma-separated
  -- NEWS2 as it was shown to the nurse at save time; the chart recomputes it after amendments.
  news2_total           INTEGER NOT NULL,
  news2_band            TEXT NOT NULL,
  news2_complete        INTEGER NOT NULL
);
CREATE INDEX rounds_by_stay ON rounds (stay_id, taken_at);

CREATE TABLE amendments (
  id          INTEGER PRIMARY KEY,
  round_id    INTEGER NOT NULL REFERENCES rounds(id),
  kind        TEXT NOT NULL CHECK (kind IN ('corrected', 'entered_in_error')),
  field       TEXT,          -- NULL with entered_in_error: the whole round
  value       TEXT,          -- the corrected value as text; NULL: now "not measured"
  reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  amended_by  INTEGER NOT NULL REFERENCES staff(id),
  amended_at  TEXT NOT NULL,
  CHECK (kind = 'entered_in_error' OR field IS NOT NULL)
);
CREATE INDEX amendments_by_round ON amendments (round_id);

CREATE TRIGGER stays_no_update BEFORE UPDATE ON stays
BEGIN SELECT RAISE(ABORT, 'stays are never updated: record a new stay or discharge'); END;
CREATE TRIGGER stays_no_delete BEFORE DELETE ON stays
BEGIN SELECT RAISE(ABORT, 'stays are never deleted'); END;
CREATE TRIGGER discharges_no_update BEFORE UPDATE ON discharges
BEGIN SELECT RAISE(ABORT, 'discharges are never updated'); END;
CREATE TRIGGER discharges_no_delete BEFORE DELETE ON discharges
BEGIN SELECT RAISE(ABORT, 'discharges are never deleted'); END;
CREATE TRIGGER rounds_no_update BEFORE UPDATE ON rounds
BEGIN SELECT RAISE(ABORT, 'rounds are never updated: record an amendment'); END;
CREATE TRIGGER rounds_no_delete BEFORE DELETE ON rounds
BEGIN SELECT RAISE(ABORT, 'rounds are never deleted: mark the round entered in error'); END;
CREATE TRIGGER amendments_no_update BEFORE UPDATE ON amendments
BEGIN SELECT RAISE(ABORT, 'amendments are never updated: record another amendment'); END;
CREATE TRIGGER amendments_no_delete BEFORE DELETE ON amendments
BEGIN SELECT RAISE(ABORT, 'amendments are never deleted'); END;
