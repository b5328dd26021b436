-- Vigil schema 9: every print and export of the handoff sheet records the audit chain's head it
-- was made at (the sheet prints it in its footer), so each sheet on paper anchors the record up
-- to its time: `vigil audit verify --head N:HASH` catches a tail cut or a chain rewritten since.

CREATE TABLE handoff_print_heads (
  print_id       INTEGER PRIMARY KEY REFERENCES handoff_prints(id),
  audit_entries  INTEGER NOT NULL,
  audit_hash     TEXT NOT NULL
);

CREATE TRIGGER handoff_print_heads_no_update BEFORE UPDATE ON handoff_print_heads
BEGIN SELECT RAISE(ABORT, 'the print record is never updated'); END;
CREATE TRIGGER handoff_print_heads_no_delete BEFORE DELETE ON handoff_print_heads
BEGIN SELECT RAISE(ABORT, 'the print record is never deleted'); END;
