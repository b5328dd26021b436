-- Vigil schema 2: the flags each round raised or kept open, stored with the round in the same
-- transaction, each naming the rule, why it held and the exact rule set (name, version, SHA-256).

CREATE TABLE flags (
  id                INTEGER PRIMARY KEY,
  round_id          INTEGER NOT NULL REFERENCES rounds(id),
  stay_id           INTEGER NOT NULL REFERENCES stays(id),
  rule_id           TEXT NOT NULL,
  level             TEXT NOT NULL CHECK (level IN ('info', 'watch', 'urgent', 'emergency')),
  raised            INTEGER NOT NULL CHECK (raised IN (0, 1)), -- 0: still open, not raised again
  message           TEXT NOT NULL,
  action            TEXT NOT NULL,
  because           TEXT NOT NULL, -- one part of the condition per line, with its value
  source            TEXT NOT NULL,
  last_raised_at    TEXT NOT NULL,
  tracked           REAL,
  rule_set_name     TEXT NOT NULL,
  rule_set_version  TEXT NOT NULL,
  rule_set_sha256   TEXT NOT NULL
);
CREATE INDEX flags_by_round ON flags (round_id);
CREATE INDEX flags_by_stay ON flags (stay_id, round_id);

CREATE TRIGGER flags_no_update BEFORE UPDATE ON flags
BEGIN SELECT RAISE(ABORT, 'flags are never updated'); END;
CREATE TRIGGER flags_no_delete BEFORE DELETE ON flags
BEGIN SELECT RAISE(ABORT, 'flags are never deleted'); END;
