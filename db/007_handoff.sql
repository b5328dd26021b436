-- Vigil schema 7: the handoff (issue 5). A nurse's note and severity for a patient's handoff
-- (the newest counts), and every print and PDF export of the sheet, with who and when.

CREATE TABLE handoff_notes (
  id               INTEGER PRIMARY KEY,
  stay_id          INTEGER NOT NULL REFERENCES stays(id),
  at               TEXT NOT NULL,
  by_staff         INTEGER NOT NULL REFERENCES staff(id),
  severity         TEXT CHECK (severity IS NULL OR severity IN ('stable', 'watcher', 'unstable')),
  severity_reason  TEXT NOT NULL DEFAULT '',
  note             TEXT NOT NULL DEFAULT ''
);
CREATE INDEX handoff_notes_by_stay ON handoff_notes (stay_id, id);

CREATE TABLE handoff_prints (
  id           INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,
  by_staff     INTEGER REFERENCES staff(id), -- empty when exported from the command line
  printed_by   TEXT NOT NULL,                -- the name on the sheet's header
  kind         TEXT NOT NULL CHECK (kind IN ('print', 'pdf')),
  shift_start  TEXT NOT NULL,
  shift_end    TEXT NOT NULL,
  patients     INTEGER NOT NULL,
  pages        INTEGER NOT NULL,
  destination  TEXT NOT NULL DEFAULT ''      -- the PDF's path, or the printer
);

CREATE TRIGGER handoff_notes_no_update BEFORE UPDATE ON handoff_notes
BEGIN SELECT RAISE(ABORT, 'handoff notes are never updated; write a new one'); END;
CREATE TRIGGER handoff_notes_no_delete BEFORE DELETE ON handoff_notes
BEGIN SELECT RAISE(ABORT, 'handoff notes are never deleted'); END;
CREATE TRIGGER handoff_prints_no_update BEFORE UPDATE ON handoff_prints
BEGIN SELECT RAISE(ABORT, 'the print record is never updated'); END;
CREATE TRIGGER handoff_prints_no_delete BEFORE DELETE ON handoff_prints
BEGIN SELECT RAISE(ABORT, 'the print record is never deleted'); END;
