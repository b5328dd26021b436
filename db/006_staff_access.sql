-- Vigil schema 6: sign-in (issue 6). PINs are kept only as Argon2id hashes. Like every table
-- here these are insert-only: a new PIN is a new row (the newest one counts), and every sign-in,
-- wrong PIN, lock and sign-out is a row, so a lockout survives a restart of the app.

CREATE TABLE staff_pins (
  id        INTEGER PRIMARY KEY,
  staff_id  INTEGER NOT NULL REFERENCES staff(id),
  pin_hash  TEXT NOT NULL CHECK (pin_hash LIKE '$argon2id$%'),
  set_at    TEXT NOT NULL,
  set_by    INTEGER NOT NULL REFERENCES staff(id)
);
CREATE INDEX staff_pins_by_staff ON staff_pins (staff_id, id);

CREATE TABLE sign_ins (
  id        INTEGER PRIMARY KEY,
  staff_id  INTEGER NOT NULL REFERENCES staff(id),
  at        TEXT NOT NULL,
  outcome   TEXT NOT NULL
            CHECK (outcome IN ('signed_in', 'wrong_pin', 'refused_locked', 'signed_out', 'idle_locked'))
);
CREATE INDEX sign_ins_by_staff ON sign_ins (staff_id, id);

-- The rule file an admin chose for the ward; the newest row counts. Its hash says exactly which
-- text was accepted.
CREATE TABLE rule_choices (
  id          INTEGER PRIMARY KEY,
  path        TEXT NOT NULL,
  rule_set    TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  chosen_at   TEXT NOT NULL,
  chosen_by   INTEGER NOT NULL REFERENCES staff(id)
);

CREATE TRIGGER staff_pins_no_update BEFORE UPDATE ON staff_pins
BEGIN SELECT RAISE(ABORT, 'PIN records are never updated; set a new PIN'); END;
CREATE TRIGGER staff_pins_no_delete BEFORE DELETE ON staff_pins
BEGIN SELECT RAISE(ABORT, 'PIN records are never deleted'); END;
CREATE TRIGGER sign_ins_no_update BEFORE UPDATE ON sign_ins
BEGIN SELECT RAISE(ABORT, 'sign-ins are never updated'); END;
CREATE TRIGGER sign_ins_no_delete BEFORE DELETE ON sign_ins
BEGIN SELECT RAISE(ABORT, 'sign-ins are never deleted'); END;
CREATE TRIGGER rule_choices_no_update BEFORE UPDATE ON rule_choices
BEGIN SELECT RAISE(ABORT, 'rule choices are never updated'); END;
CREATE TRIGGER rule_choices_no_delete BEFORE DELETE ON rule_choices
BEGIN SELECT RAISE(ABORT, 'rule choices are never deleted'); END;
