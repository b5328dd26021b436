-- Vigil schema 10 (issue 12): one acknowledgement per level of an escalation (an escalation raised
-- to a higher level is acknowledged again: the step carries the level it acknowledged) and one
-- closing step, guarded in the record itself, so that two devices acting on the same escalation at the same moment cannot
-- both record it. On SQLite a trigger (writers are serialised by the file's lock, and a trigger
-- does not refuse to install on a file that already holds a duplicate from before this check);
-- on PostgreSQL partial unique indexes (db/postgres/010_schema.sql).
CREATE TRIGGER escalation_steps_one_acknowledgement BEFORE INSERT ON escalation_steps
WHEN NEW.kind = 'acknowledge' AND EXISTS (
  SELECT 1 FROM escalation_steps WHERE escalation_id = NEW.escalation_id AND kind = 'acknowledge'
                                   AND level IS NEW.level)
BEGIN SELECT RAISE(ABORT, 'this escalation has been acknowledged already'); END;

CREATE TRIGGER escalation_steps_one_closing BEFORE INSERT ON escalation_steps
WHEN NEW.kind IN ('resolve', 'decline') AND EXISTS (
  SELECT 1 FROM escalation_steps WHERE escalation_id = NEW.escalation_id
                                   AND kind IN ('resolve', 'decline'))
BEGIN SELECT RAISE(ABORT, 'this escalation has been closed already'); END;
