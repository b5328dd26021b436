-- Vigil schema 5: the audit chain. Every row Vigil writes gets an entry with who, when, and the
-- SHA-256 of the row's content; each entry's hash covers the previous entry's, so an edit,
-- deletion, insertion or reordering behind Vigil's back shows in `vigil audit verify`.
-- Rows written before this version are entered once, in table order, with no author ('backfill').

CREATE TABLE audit (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  staff_id    INTEGER REFERENCES staff(id),
  action      TEXT NOT NULL CHECK (action IN ('insert', 'backfill')),
  table_name  TEXT NOT NULL,
  row_id      INTEGER NOT NULL,
  row_hash    TEXT NOT NULL,
  prev_hash   TEXT NOT NULL,
  entry_hash  TEXT NOT NULL
);
CREATE UNIQUE INDEX audit_by_row ON audit (table_name, row_id);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit record is never updated'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit record is never deleted'); END;
