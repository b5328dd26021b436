-- Vigil schema 13 (issue 13): escalation that goes on by itself. An urgent or emergency
-- escalation nobody acknowledges within a step of the rule file's cascade (clinical-reference §5:
-- charge nurse, then the rapid response team or the patient's clinician) gets that step recorded
-- here, by Vigil, once: every running Vigil checks, and the unique key makes the second device's
-- insert a no-op. (Number 11 is another branch's; the lead renumbers at merge.)
CREATE TABLE escalation_cascade (
  id             INTEGER PRIMARY KEY,
  escalation_id  INTEGER NOT NULL REFERENCES escalations(id),
  level          TEXT NOT NULL CHECK (level IN ('urgent', 'emergency')),
  step           INTEGER NOT NULL CHECK (step >= 0),
  notified       TEXT NOT NULL CHECK (notified IN ('charge_nurse', 'rapid_response', 'clinician')),
  due_at         TEXT NOT NULL,
  recorded_at    TEXT NOT NULL,
  UNIQUE (escalation_id, level, step)
);

CREATE TRIGGER escalation_cascade_no_update BEFORE UPDATE ON escalation_cascade
BEGIN SELECT RAISE(ABORT, 'cascade steps are never updated'); END;
CREATE TRIGGER escalation_cascade_no_delete BEFORE DELETE ON escalation_cascade
BEGIN SELECT RAISE(ABORT, 'cascade steps are never deleted'); END;
