-- A schema-7 file written by Vigil 9109cd0 (before issue 11): vigil demo --beds 1 --days 1 --seed 3,
-- dumped with sqlite3 .dump. tests/store/test_migrations.cpp migrates it to the newest schema
-- and checks the audit chain still verifies.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE staff (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  role        TEXT NOT NULL CHECK (role IN ('nurse', 'charge_nurse', 'admin')),
  created_at  TEXT NOT NULL
);
INSERT INTO staff VALUES(1,'Demo nurse Okafor','nurse','2026-11-23T17:10:06Z');
INSERT INTO staff VALUES(2,'Demo nurse Lindgren','nurse','2026-11-23T17:10:06Z');
INSERT INTO staff VALUES(3,'Demo nurse Patel','nurse','2026-11-23T17:10:06Z');
INSERT INTO staff VALUES(4,'Demo charge nurse Adeyemi','charge_nurse','2026-11-23T17:10:06Z');
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
INSERT INTO stays VALUES(1,'1','Umar Quinn','D2909047','1971-07-04','revision','2026-11-22T18:47:06Z','baclofen','sleep_apnoea,other_sedatives,over_65',1,NULL,2,'2026-11-22T19:22:06Z',2);
INSERT INTO stays VALUES(2,'1','Luca Whitfield','D2767679','1978-01-05','implant','2026-11-23T06:23:06Z','baclofen','',1,NULL,3,'2026-11-23T07:14:06Z',2);
INSERT INTO stays VALUES(3,'1','Grace Whitfield','D7634199','1950-06-15','implant','2026-11-23T12:57:06Z','hydromorphone,clonidine','',1,NULL,3,'2026-11-23T13:34:06Z',3);
CREATE TABLE discharges (
  stay_id       INTEGER PRIMARY KEY REFERENCES stays(id),
  discharged_at TEXT NOT NULL,
  discharged_by INTEGER NOT NULL REFERENCES staff(id)
);
INSERT INTO discharges VALUES(1,'2026-11-23T03:46:06Z',1);
INSERT INTO discharges VALUES(2,'2026-11-23T14:15:06Z',2);
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
INSERT INTO rounds VALUES(1,1,'2026-11-22T19:26:06Z','2026-11-22T19:26:06Z',1,1,NULL,15.0,97.0,NULL,126.0,73.0,73.0,36.600000000000001421,3.0,0.0,0.0,0.0,0.0,0.0,0.0,0,0,0,0,0,0,0,0,'A','1','none','none','bromage,dbp,headache,hr,itching,nausea,o2_flow,pain,rass,rr,sbp,spo2,temp,vomits',0,'low',1);
INSERT INTO rounds VALUES(2,1,'2026-11-22T20:24:06Z','2026-11-22T20:24:06Z',1,1,NULL,14.0,98.0,NULL,150.0,98.0,92.0,36.899999999999998578,2.0,0.0,0.0,0.0,0.0,0.0,0.0,0,0,0,0,0,0,0,0,'A','1','none','none','bromage,dbp,headache,hr,itching,nausea,o2_flow,pain,rass,rr,sbp,spo2,temp,vomits',1,'low',1);
INSERT INTO rounds VALUES(3,1,'2026-11-22T21:22:06Z','2026-11-22T21:22:06Z',3,1,NULL,15.0,98.0,NULL,139.0,74.0,84.0,37.200000000000002843,2.0,0.0,0.0,0.0,0.0,0.0,1.0,0,0,0,0,0,0,0,0,'A','S','none','none','bromage,dbp,headache,hr,itching,nausea,o2_flow,pain,rass,rr,sbp,spo2,temp,vomits',0,'low',1);
INSERT INTO rounds VALUES(4,1,'2026-11-22T22:30:06Z','2026-11-22T22:30:06Z',2,1,NULL,15.0,98.0,NULL,131.0,83.0,84.0,36.700000000000002841,1.0,0.0,0.0,0.0,0.0,0.0,0.0,0,0,0,0,0,0,0,0,'A','1','none','none','bromage,dbp,headache,hr,itching,nausea,o2_flow,pain,rass,rr,sbp,spo2,temp,vomits',0,'low',1);
INSERT INTO rounds VALUES(5,1,'2026-11-22T23:27:06Z','2026-11-22T23:27:06Z',3,1,NULL,13.0,97.0,NULL,149.0,76.0,85.0,36.5,0.0,0.0,0.0,0.0,0.0,0.0,1.0,0,0,0,0,0,0,0,0,'A','S','none','none','bromage,dbp,headache,hr,itching,nausea,o2_flow,pain,rass,rr,sbp,spo2,temp,vomits',0,'low',1);
INSERT INTO rounds VALUES(6,1,'2026-11-23T00:24:06Z','2026-11-23T00:24:06Z',3,1,NULL,15.0,98.0,NULL,139.0,79.0,88.0,36.5,2.0,0.0,0.0,0.0,0.0,0.0,0.0,0,0,0,0,0,0,0,0,'A','1','none','none','bromage,dbp,headache,hr,itching,nausea,o2_flow,pain,rass,rr,sbp,spo2,temp,vomits',0,'low',1);
INSERT INTO rounds VALUES(7,1,'2026-11-23T01:21:06Z','2026-11-23T01:21:06Z',2,1,NULL,14.0,98.0,NULL,147.0,75.0,83.0,36.700000000000002841,4.0,0.0,0.0,0.0,0.0,0.0,0.0,0,0,0,0,0,0,0,0,'A','1','none','none','bromage,dbp,headache,hr,itching,nausea,o2_flow,pain,rass,rr,sbp,spo2,temp,vomits',0,'low',1);
INSERT INTO rounds VALUES(8,1,'2026-11-23T02:23:06Z','2026-11-23T02:23:06Z',3,1,NULL,15.0,98.0,NULL,141.0,80.0,79.0,36.600000000000001421,4.0,0.0,0.0,0.0,0.0,0.0,0.0,0,0,0,0,0,0,0,0,'A','1','none','none','bromage,dbp,headache,hr,itching,nausea,o2_flow,pain,rass,rr,sbp,spo2,temp,vomits',0,'low',1);
INSERT INTO rounds VALUES(9,1,'2026-11-23T03:18:06Z','2026-11-23T03:18:06Z',2,1,NULL,14.0,97.0,NULL,141.0,97.0,91.0,36.600000000000001421,2.0,0.0,0.0,0.0,0.0,0.0,0.0,0,0,0,0,0,0,0,0,'A','1','ooze','none','bromage,dbp,headache,hr,itching,nausea,o2_flow,pain,rass,rr,sbp,spo2,temp,vomits',1,'low',1);
INSERT INTO rounds VALUES(10,2,'2026-11-23T07:26:06Z','2026-11-23T07:26:06Z',1,1,NULL,14.0,97.0,NULL,146.0,94.0,78.0,36.899999999999998578,3.0,2.0,0.0,0.0,0.0,0.0,1.0,0,0,0,0,0,0,0,0,'A','1','none','none','bromage,dbp,headache,hr,itching,nausea,o2_flow,pain,rass,rr,sbp,spo2,temp,vomits',0,'low',1);
INSERT INTO rounds VALUES(11,2,'2026-11-23T08:29:06Z','2026-11-23T08:29:06Z',3,1,NULL,13.0,96.0,NULL,131.0,78.0,55.0,37.10000000000000142,1.0,2.0,0.0,0.0,0.0,0.0,1.0,0,0,0,0,0,0,0,0,'A','1','none','none','bromage,dbp,headache,hr,itching,nausea,o2_flow,pain,rass,rr,sbp,spo2,temp,vomits',0,'low',1);
INSERT INTO rounds VALUES(12,2,'2026-11-23T09:39:06Z','2026-11-23T09:39:06Z',2,1,NULL,14.0,96.0,NULL,146.0,96.0,79.0,37.0,3.0,2.0,0.0,0.0,0.0,0.0,1.0,0,0,0,0,0,0,0,0,'A','1','none','none','bromage,dbp,headache,hr,itching,nausea,o2_flow,pain,rass,rr,sbp,spo2,temp,vomits',0,'low',1);
INSERT INTO rounds VALUES(13,2,'2026-11-23T10:41:06Z','2026-11-23T10:41:06Z',3,1,NULL,17.0,96.0,NULL,131.0,96.0,71.0,36.899999999999998578,3.0,2.0,0.0,0.0,0.0,0.0,1.0,0,0,0,0,0,0,0,0,'A','1','none','none','bromage,dbp,headache,hr,itching,nausea,o2_flow,pain,rass,rr,sbp,spo2,temp,vomits',0,'low',1);
INSERT INTO rounds VALUES(14,2,'2026-11-23T11:47:06Z','2026-11-23T11:47:06Z',3,1,NULL,14.0,98.0,NULL,135.0,70.0,86.0,37.399999999999998579,2.0,2.0,0.0,0.0,0.0,0.0,1.0,0,0,0,0,0,0,0,0,'A','1','ooze','none','bromage,dbp,headache,hr,itching,nausea,o2_flow,pain,rass,rr,sbp,spo2,temp,vomits',0,'low',1);
INSERT INTO rounds VALUES(15,2,'2026-11-23T12:44:06Z','2026-11-23T12:44:06Z',3,1,NULL,15.0,98.0,NULL,125.0,74.0,64.0,36.700000000000002841,0.0,1.0,0.0,0.0,0.0,0.0,0.0,0,0,0,0,0,0,0,0,'A','1','none','none','bromage,dbp,headache,hr,itching,nausea,o2_flow,pain,rass,rr,sbp,spo2,temp,vomits',0,'low',1);
INSERT INTO rounds VALUES(16,2,'2026-11-23T13:48:06Z','2026-11-23T13:48:06Z',3,1,NULL,16.0,95.0,NULL,127.0,74.0,73.0,37.399999999999998579,0.0,2.0,0.0,0.0,0.0,0.0,0.0,0,0,0,0,0,0,0,0,'A','1','none','none','bromage,dbp,headache,hr,itching,nausea,o2_flow,pain,rass,rr,sbp,spo2,temp,vomits',1,'low',1);
INSERT INTO rounds VALUES(17,3,'2026-11-23T13:53:06Z','2026-11-23T13:53:06Z',3,1,NULL,14.0,96.0,NULL,124.0,80.0,87.0,36.5,4.0,0.0,0.0,0.0,0.0,0.0,1.0,0,0,0,0,0,0,0,0,'A','1','ooze','none','bromage,dbp,headache,hr,itching,nausea,o2_flow,pain,rass,rr,sbp,spo2,temp,vomits',0,'low',1);
INSERT INTO rounds VALUES(18,3,'2026-11-23T15:01:06Z','2026-11-23T15:01:06Z',3,1,NULL,14.0,97.0,NULL,129.0,87.0,79.0,36.600000000000001421,3.0,0.0,0.0,0.0,0.0,0.0,1.0,0,0,0,0,0,0,0,0,'A','1','none','none','bromage,dbp,headache,hr,itching,nausea,o2_flow,pain,rass,rr,sbp,spo2,temp,vomits',0,'low',1);
INSERT INTO rounds VALUES(19,3,'2026-11-23T16:11:06Z','2026-11-23T16:11:06Z',1,1,NULL,15.0,98.0,NULL,127.0,76.0,94.0,36.799999999999997157,4.0,0.0,0.0,0.0,0.0,0.0,0.0,0,0,0,0,0,0,0,0,'A','S','none','none','bromage,dbp,headache,hr,itching,nausea,o2_flow,pain,rass,rr,sbp,spo2,temp,vomits',1,'low',1);
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
INSERT INTO flags VALUES(1,2,1,'bowels-not-opened','info',1,'Bowels not opened since the implant','Laxatives per protocol','persist(bowels_opened == false, 2) held (in each of the last 2 rounds)','clinical-reference §5, §6','2026-11-22T20:24:06Z',NULL,'intrathecal-recovery','1.0.0','07a980ea6c1d4de4ef78cc6cdbc65fd9dabcb0523605eaa5efbd1158b563232f');
INSERT INTO flags VALUES(2,2,1,'news2-low-score','info',1,'NEWS2 1 (low)','Registered nurse assesses and decides on escalation',replace('news2 1 >= 1\nnews2 1 <= 4\nnews2_red no','\n',char(10)),'clinical-reference §2','2026-11-22T20:24:06Z',NULL,'intrathecal-recovery','1.0.0','07a980ea6c1d4de4ef78cc6cdbc65fd9dabcb0523605eaa5efbd1158b563232f');
INSERT INTO flags VALUES(3,3,1,'bowels-not-opened','info',1,'Bowels not opened since the implant','Laxatives per protocol','persist(bowels_opened == false, 2) held (in each of the last 2 rounds)','clinical-reference §5, §6','2026-11-22T21:22:06Z',NULL,'intrathecal-recovery','1.0.0','07a980ea6c1d4de4ef78cc6cdbc65fd9dabcb0523605eaa5efbd1158b563232f');
INSERT INTO flags VALUES(4,4,1,'bowels-not-opened','info',1,'Bowels not opened since the implant','Laxatives per protocol','persist(bowels_opened == false, 2) held (in each of the last 2 rounds)','clinical-reference §5, §6','2026-11-22T22:30:06Z',NULL,'intrathecal-recovery','1.0.0','07a980ea6c1d4de4ef78cc6cdbc65fd9dabcb0523605eaa5efbd1158b563232f');
INSERT INTO flags VALUES(5,5,1,'bowels-not-opened','info',1,'Bowels not opened since the implant','Laxatives per protocol','persist(bowels_opened == false, 2) held (in each of the last 2 rounds)','clinical-reference §5, §6','2026-11-22T23:27:06Z',NULL,'intrathecal-recovery','1.0.0','07a980ea6c1d4de4ef78cc6cdbc65fd9dabcb0523605eaa5efbd1158b563232f');
INSERT INTO flags VALUES(6,6,1,'bowels-not-opened','info',1,'Bowels not opened since the implant','Laxatives per protocol','persist(bowels_opened == false, 2) held (in each of the last 2 rounds)','clinical-reference §5, §6','2026-11-23T00:24:06Z',NULL,'intrathecal-recovery','1.0.0','07a980ea6c1d4de4ef78cc6cdbc65fd9dabcb0523605eaa5efbd1158b563232f');
INSERT INTO flags VALUES(7,7,1,'bowels-not-opened','info',1,'Bowels not opened since the implant','Laxatives per protocol','persist(bowels_opened == false, 2) held (in each of the last 2 rounds)','clinical-reference §5, §6','2026-11-23T01:21:06Z',NULL,'intrathecal-recovery','1.0.0','07a980ea6c1d4de4ef78cc6cdbc65fd9dabcb0523605eaa5efbd1158b563232f');
INSERT INTO flags VALUES(8,8,1,'pain-above-goal','watch',1,'Pain 4/10 above the goal of 2 for two rounds','Analgesia per protocol; inform the clinician this shift','persist(pain > pain_goal, 2) held (in each of the last 2 rounds)','clinical-reference §5, §6','2026-11-23T02:23:06Z',NULL,'intrathecal-recovery','1.0.0','07a980ea6c1d4de4ef78cc6cdbc65fd9dabcb0523605eaa5efbd1158b563232f');
INSERT INTO flags VALUES(9,8,1,'bowels-not-opened','info',1,'Bowels not opened since the implant','Laxatives per protocol','persist(bowels_opened == false, 2) held (in each of the last 2 rounds)','clinical-reference §5, §6','2026-11-23T02:23:06Z',NULL,'intrathecal-recovery','1.0.0','07a980ea6c1d4de4ef78cc6cdbc65fd9dabcb0523605eaa5efbd1158b563232f');
INSERT INTO flags VALUES(10,9,1,'bowels-not-opened','info',1,'Bowels not opened since the implant','Laxatives per protocol','persist(bowels_opened == false, 2) held (in each of the last 2 rounds)','clinical-reference §5, §6','2026-11-23T03:18:06Z',NULL,'intrathecal-recovery','1.0.0','07a980ea6c1d4de4ef78cc6cdbc65fd9dabcb0523605eaa5efbd1158b563232f');
INSERT INTO flags VALUES(11,9,1,'news2-low-score','info',1,'NEWS2 1 (low)','Registered nurse assesses and decides on escalation',replace('news2 1 >= 1\nnews2 1 <= 4\nnews2_red no','\n',char(10)),'clinical-reference §2','2026-11-23T03:18:06Z',NULL,'intrathecal-recovery','1.0.0','07a980ea6c1d4de4ef78cc6cdbc65fd9dabcb0523605eaa5efbd1158b563232f');
INSERT INTO flags VALUES(12,11,2,'nausea-severe-or-persisting','watch',1,'Nausea grade 2, 0 vomits since last round','Antiemetic per protocol; inform the clinician this shift if it goes on','persist(nausea >= 2, 2) held (in each of the last 2 rounds)','clinical-reference §5, §6','2026-11-23T08:29:06Z',NULL,'intrathecal-recovery','1.0.0','07a980ea6c1d4de4ef78cc6cdbc65fd9dabcb0523605eaa5efbd1158b563232f');
INSERT INTO flags VALUES(13,11,2,'bowels-not-opened','info',1,'Bowels not opened since the implant','Laxatives per protocol','persist(bowels_opened == false, 2) held (in each of the last 2 rounds)','clinical-reference §5, §6','2026-11-23T08:29:06Z',NULL,'intrathecal-recovery','1.0.0','07a980ea6c1d4de4ef78cc6cdbc65fd9dabcb0523605eaa5efbd1158b563232f');
INSERT INTO flags VALUES(14,12,2,'nausea-severe-or-persisting','watch',0,'Nausea grade 2, 0 vomits since last round','Antiemetic per protocol; inform the clinician this shift if it goes on',replace('persist(nausea >= 2, 2) held (in each of the last 2 rounds)\nnot raised again: repeat_after 240 min','\n',char(10)),'clinical-reference §5, §6','2026-11-23T08:29:06Z',NULL,'intrathecal-recovery','1.0.0','07a980ea6c1d4de4ef78cc6cdbc65fd9dabcb0523605eaa5efbd1158b563232f');
INSERT INTO flags VALUES(15,12,2,'bowels-not-opened','info',1,'Bowels not opened since the implant','Laxatives per protocol','persist(bowels_opened == false, 2) held (in each of the last 2 rounds)','clinical-reference §5, §6','2026-11-23T09:39:06Z',NULL,'intrathecal-recovery','1.0.0','07a980ea6c1d4de4ef78cc6cdbc65fd9dabcb0523605eaa5efbd1158b563232f');
INSERT INTO flags VALUES(16,13,2,'nausea-severe-or-persisting','watch',0,'Nausea grade 2, 0 vomits since last round','Antiemetic per protocol; inform the clinician this shift if it goes on',replace('persist(nausea >= 2, 2) held (in each of the last 2 rounds)\nnot raised again: repeat_after 240 min','\n',char(10)),'clinical-reference §5, §6','2026-11-23T08:29:06Z',NULL,'intrathecal-recovery','1.0.0','07a980ea6c1d4de4ef78cc6cdbc65fd9dabcb0523605eaa5efbd1158b563232f');
INSERT INTO flags VALUES(17,13,2,'bowels-not-opened','info',1,'Bowels not opened since the implant','Laxatives per protocol','persist(bowels_opened == false, 2) held (in each of the last 2 rounds)','clinical-reference §5, §6','2026-11-23T10:41:06Z',NULL,'intrathecal-recovery','1.0.0','07a980ea6c1d4de4ef78cc6cdbc65fd9dabcb0523605eaa5efbd1158b563232f');
INSERT INTO flags VALUES(18,14,2,'nausea-severe-or-persisting','watch',0,'Nausea grade 2, 0 vomits since last round','Antiemetic per protocol; inform the clinician this shift if it goes on',replace('persist(nausea >= 2, 2) held (in each of the last 2 rounds)\nnot raised again: repeat_after 240 min','\n',char(10)),'clinical-reference §5, §6','2026-11-23T08:29:06Z',NULL,'intrathecal-recovery','1.0.0','07a980ea6c1d4de4ef78cc6cdbc65fd9dabcb0523605eaa5efbd1158b563232f');
INSERT INTO flags VALUES(19,14,2,'bowels-not-opened','info',1,'Bowels not opened since the implant','Laxatives per protocol','persist(bowels_opened == false, 2) held (in each of the last 2 rounds)','clinical-reference §5, §6','2026-11-23T11:47:06Z',NULL,'intrathecal-recovery','1.0.0','07a980ea6c1d4de4ef78cc6cdbc65fd9dabcb0523605eaa5efbd1158b563232f');
INSERT INTO flags VALUES(20,15,2,'bowels-not-opened','info',1,'Bowels not opened since the implant','Laxatives per protocol','persist(bowels_opened == false, 2) held (in each of the last 2 rounds)','clinical-reference §5, §6','2026-11-23T12:44:06Z',NULL,'intrathecal-recovery','1.0.0','07a980ea6c1d4de4ef78cc6cdbc65fd9dabcb0523605eaa5efbd1158b563232f');
INSERT INTO flags VALUES(21,16,2,'bowels-not-opened','info',1,'Bowels not opened since the implant','Laxatives per protocol','persist(bowels_opened == false, 2) held (in each of the last 2 rounds)','clinical-reference §5, §6','2026-11-23T13:48:06Z',NULL,'intrathecal-recovery','1.0.0','07a980ea6c1d4de4ef78cc6cdbc65fd9dabcb0523605eaa5efbd1158b563232f');
INSERT INTO flags VALUES(22,16,2,'news2-low-score','info',1,'NEWS2 1 (low)','Registered nurse assesses and decides on escalation',replace('news2 1 >= 1\nnews2 1 <= 4\nnews2_red no','\n',char(10)),'clinical-reference §2','2026-11-23T13:48:06Z',NULL,'intrathecal-recovery','1.0.0','07a980ea6c1d4de4ef78cc6cdbc65fd9dabcb0523605eaa5efbd1158b563232f');
INSERT INTO flags VALUES(23,18,3,'bowels-not-opened','info',1,'Bowels not opened since the implant','Laxatives per protocol','persist(bowels_opened == false, 2) held (in each of the last 2 rounds)','clinical-reference §5, §6','2026-11-23T15:01:06Z',NULL,'intrathecal-recovery','1.0.0','07a980ea6c1d4de4ef78cc6cdbc65fd9dabcb0523605eaa5efbd1158b563232f');
INSERT INTO flags VALUES(24,19,3,'bowels-not-opened','info',1,'Bowels not opened since the implant','Laxatives per protocol','persist(bowels_opened == false, 2) held (in each of the last 2 rounds)','clinical-reference §5, §6','2026-11-23T16:11:06Z',NULL,'intrathecal-recovery','1.0.0','07a980ea6c1d4de4ef78cc6cdbc65fd9dabcb0523605eaa5efbd1158b563232f');
INSERT INTO flags VALUES(25,19,3,'news2-low-score','info',1,'NEWS2 1 (low)','Registered nurse assesses and decides on escalation',replace('news2 1 >= 1\nnews2 1 <= 4\nnews2_red no','\n',char(10)),'clinical-reference §2','2026-11-23T16:11:06Z',NULL,'intrathecal-recovery','1.0.0','07a980ea6c1d4de4ef78cc6cdbc65fd9dabcb0523605eaa5efbd1158b563232f');
CREATE TABLE escalations (
  id          INTEGER PRIMARY KEY,
  stay_id     INTEGER NOT NULL REFERENCES stays(id),
  round_id    INTEGER NOT NULL REFERENCES rounds(id),
  rule_id     TEXT NOT NULL,
  level       TEXT NOT NULL CHECK (level IN ('watch', 'urgent', 'emergency')),
  message     TEXT NOT NULL,
  raised_at   TEXT NOT NULL,
  sbar        TEXT NOT NULL
);
INSERT INTO escalations VALUES(1,1,8,'pain-above-goal','watch','Pain 4/10 above the goal of 2 for two rounds','2026-11-23T02:23:06Z',replace('S: Bed 1, Umar Quinn (MRN D2909047): Pain 4/10 above the goal of 2 for two rounds (watch).\nB: Revision 7 h 36 min ago; pump: Baclofen; risk factors: Sleep apnoea, Other opioids or sedatives, Age over 65.\nA: NEWS2 0 (low); RR 15, SpO2 98% on air, BP 141/80, pulse 79, Alert, temperature 36.6, POSS 1. Because: persist(pain > pain_goal, 2) held (in each of the last 2 rounds).\nR: Analgesia per protocol; inform the clinician this shift','\n',char(10)));
INSERT INTO escalations VALUES(2,2,11,'nausea-severe-or-persisting','watch','Nausea grade 2, 0 vomits since last round','2026-11-23T08:29:06Z',replace('S: Bed 1, Luca Whitfield (MRN D2767679): Nausea grade 2, 0 vomits since last round (watch).\nB: Implant 2 h 6 min ago; pump: Baclofen; risk factors: none.\nA: NEWS2 0 (low); RR 13, SpO2 96% on air, BP 131/78, pulse 55, Alert, temperature 37.1, POSS 1. Because: persist(nausea >= 2, 2) held (in each of the last 2 rounds).\nR: Antiemetic per protocol; inform the clinician this shift if it goes on','\n',char(10)));
CREATE TABLE escalation_steps (
  id              INTEGER PRIMARY KEY,
  escalation_id   INTEGER NOT NULL REFERENCES escalations(id),
  kind            TEXT NOT NULL CHECK (kind IN ('acknowledge', 'inform', 'respond', 'resolve', 'decline', 'supersede')),
  at              TEXT NOT NULL,
  by              INTEGER NOT NULL REFERENCES staff(id),
  clinician_name  TEXT,
  clinician_role  TEXT,
  method          TEXT CHECK (method IS NULL OR method IN ('phone', 'bleep', 'in person')),
  instructions    TEXT,
  reason          TEXT
);
INSERT INTO escalation_steps VALUES(1,1,'acknowledge','2026-11-23T02:25:06Z',3,NULL,NULL,NULL,NULL,NULL);
INSERT INTO escalation_steps VALUES(2,2,'acknowledge','2026-11-23T08:33:06Z',3,NULL,NULL,NULL,NULL,NULL);
CREATE TABLE missed_rounds (
  id          INTEGER PRIMARY KEY,
  stay_id     INTEGER NOT NULL REFERENCES stays(id),
  at          TEXT NOT NULL,
  reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  by          INTEGER NOT NULL REFERENCES staff(id)
);
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
INSERT INTO audit VALUES(1,'2026-11-23T17:10:06Z',NULL,'insert','staff',1,'147fc956ed13bfdfe0b9196eb7e22da7b48e33749c811c4fec62ad9518a43e52','0000000000000000000000000000000000000000000000000000000000000000','41d0246be7d335c3ffef662fae3f9e8d1845b66d9492b79d7ce85c77d9604ebf');
INSERT INTO audit VALUES(2,'2026-11-23T17:10:06Z',NULL,'insert','staff',2,'01cee25eb9bd44da070c1182cee5fcb3371e810ff773ba4f70882437ac9c319c','41d0246be7d335c3ffef662fae3f9e8d1845b66d9492b79d7ce85c77d9604ebf','2acbf9b4bcfa49dfa64cbda04835b850973131987b77edde5c005e6b00b4122b');
INSERT INTO audit VALUES(3,'2026-11-23T17:10:06Z',NULL,'insert','staff',3,'ece1fb7db64c6278770832f316d10828a10d1c0ed564d42a9f8d9521cb0d9786','2acbf9b4bcfa49dfa64cbda04835b850973131987b77edde5c005e6b00b4122b','2a4f0a686273e03d7cab90c7c96529f3e59a045c1df098c619aa2d7d769dba2c');
INSERT INTO audit VALUES(4,'2026-11-23T17:10:06Z',NULL,'insert','staff',4,'66e843d6db3c24e7565c88318a087b7b23da8bc4db7adcd77d85727bc6a51126','2a4f0a686273e03d7cab90c7c96529f3e59a045c1df098c619aa2d7d769dba2c','fa87b36cdae8a84f81ceb00977fd729d58a836b784da35b0e923f2231b5b0529');
INSERT INTO audit VALUES(5,'2026-11-22T19:22:06Z',2,'insert','stays',1,'38563200be0babd5db3bca9212f1eab613eb6d863d217bc1d1848cb87ac7c655','fa87b36cdae8a84f81ceb00977fd729d58a836b784da35b0e923f2231b5b0529','7df844aee7c6e64bd5827cc78936c29e212a484424a09610b31850233a2d34cb');
INSERT INTO audit VALUES(6,'2026-11-22T19:26:06Z',1,'insert','rounds',1,'6cb4e33d328aba7ef91a62778473b96c7355c1bfd76e234a99b2917d4b7459ca','7df844aee7c6e64bd5827cc78936c29e212a484424a09610b31850233a2d34cb','9d0a0cc2f35d0abc0aa35f516a962f20e124e3dca684ee83bd224ee8773e1546');
INSERT INTO audit VALUES(7,'2026-11-22T20:24:06Z',1,'insert','rounds',2,'aa89a11db1113b216cc1b592be3314ebc2f57cc19d80a469d8c893c21c48c95d','9d0a0cc2f35d0abc0aa35f516a962f20e124e3dca684ee83bd224ee8773e1546','e0aea37900708d9c47b8e49cb35fcac18ef4be43844725c139086a2eb8396760');
INSERT INTO audit VALUES(8,'2026-11-22T20:24:06Z',1,'insert','flags',1,'273a26ac008d7047f931958eb92e55b7829ed78c8a133461bf079d5b57ee445c','e0aea37900708d9c47b8e49cb35fcac18ef4be43844725c139086a2eb8396760','247e2ca88709d2fc84a4aa53734fe84b4e296be2679b95c1f4c9c26864b57e89');
INSERT INTO audit VALUES(9,'2026-11-22T20:24:06Z',1,'insert','flags',2,'9253694a782d65de2b4cca12e0b6a6dfef15f8c281b6f751dc780080c853ea9d','247e2ca88709d2fc84a4aa53734fe84b4e296be2679b95c1f4c9c26864b57e89','8e9e951cc1716e8fc69611e5f36e1e08212e3a04f8e9d69e9dea8de56de02268');
INSERT INTO audit VALUES(10,'2026-11-22T21:22:06Z',3,'insert','rounds',3,'4ffc9f11b5cf109a69a4e467ed26de449a36b02332c4ad7657797391241ec599','8e9e951cc1716e8fc69611e5f36e1e08212e3a04f8e9d69e9dea8de56de02268','389987c1c331f93e67c2a1805c606622175a7eeed84b7cfd2eb9bf6163e93e7b');
INSERT INTO audit VALUES(11,'2026-11-22T21:22:06Z',3,'insert','flags',3,'4259981d5460b43ad18b5ec1476aa0f0546b40648b1c0bd570cc8407bd486e13','389987c1c331f93e67c2a1805c606622175a7eeed84b7cfd2eb9bf6163e93e7b','3f078c9776bfb7276e89f497a313a2226a87805a3247174ee0f69f4c831e3355');
INSERT INTO audit VALUES(12,'2026-11-22T22:30:06Z',2,'insert','rounds',4,'8915c1a183826403e191018bca2120b2d2bf11c246e454a5a84f55a5d1fa10dd','3f078c9776bfb7276e89f497a313a2226a87805a3247174ee0f69f4c831e3355','f9be8a39db186d784fd7b63353edc74bd5f10694ac5ca587c4e0843091f0295e');
INSERT INTO audit VALUES(13,'2026-11-22T22:30:06Z',2,'insert','flags',4,'b012356ccb2137bfece0480db53e2dcc56944546d55e89e9f08c4e1a3369c641','f9be8a39db186d784fd7b63353edc74bd5f10694ac5ca587c4e0843091f0295e','1fbb970d36088dc5727781ea67134c77444f604648a4709b2c351978fe0015e0');
INSERT INTO audit VALUES(14,'2026-11-22T23:27:06Z',3,'insert','rounds',5,'c245140bde50c504162c8bf2a60305402edd4e50101e19fbe3369dba44ec754d','1fbb970d36088dc5727781ea67134c77444f604648a4709b2c351978fe0015e0','eaae12cb3e366149af1bda58a47543c075f24e7d1268782c8d00d36e14e8d471');
INSERT INTO audit VALUES(15,'2026-11-22T23:27:06Z',3,'insert','flags',5,'712c9ddde0446dec95cb0bf618fffb9431734fc4372c074581dcebdabe172b22','eaae12cb3e366149af1bda58a47543c075f24e7d1268782c8d00d36e14e8d471','1b6548639fe0a6a4aec76c303788a038b146b9587f725d0fd2a29defbacdd183');
INSERT INTO audit VALUES(16,'2026-11-23T00:24:06Z',3,'insert','rounds',6,'a9fd188ed84018f3889402ccd63b1bdd01f11b234bd3fa319bbecb972d77ddc0','1b6548639fe0a6a4aec76c303788a038b146b9587f725d0fd2a29defbacdd183','0b0cb415005c7bfc4d3d073d25de52998a5ba7b8998366c6eec543255dd6d8fc');
INSERT INTO audit VALUES(17,'2026-11-23T00:24:06Z',3,'insert','flags',6,'41c3e7ba8035eddcd2cb055b2b1a68d23cca12c9646f8e08e09d7ce72836a150','0b0cb415005c7bfc4d3d073d25de52998a5ba7b8998366c6eec543255dd6d8fc','b16993b4531bf16153b629ba87457c5b4b9e5a11b98c556de533f64cdafa6f26');
INSERT INTO audit VALUES(18,'2026-11-23T01:21:06Z',2,'insert','rounds',7,'860aa5c71b68a4294ffd35cff7293f8e80d83212d56beb5884a172900dfdce74','b16993b4531bf16153b629ba87457c5b4b9e5a11b98c556de533f64cdafa6f26','859df4a738b4f147fda61ec82156c78b170c28351f9d3b0567b0866f14e7b232');
INSERT INTO audit VALUES(19,'2026-11-23T01:21:06Z',2,'insert','flags',7,'a4e5c149b98580f08cf8519dc1d0f06bad3683b86492125b4709368f820746dc','859df4a738b4f147fda61ec82156c78b170c28351f9d3b0567b0866f14e7b232','f11ef8cfabc7368f37066dfd6395662156edb099cceb9014af5223ea4e344cd3');
INSERT INTO audit VALUES(20,'2026-11-23T02:23:06Z',3,'insert','rounds',8,'f583713cdf85860f60c33498d7b161a7ddee5fdf3c03497504b5f01cf9a49457','f11ef8cfabc7368f37066dfd6395662156edb099cceb9014af5223ea4e344cd3','9ffad3aa7d0eb83b6afec22fdedf85e737182e6bb42479cf611f573a4a176cb8');
INSERT INTO audit VALUES(21,'2026-11-23T02:23:06Z',3,'insert','flags',8,'b6c00e890086be4300fc1dbaa68237ee429089607d77c61854e90fc7dcec94de','9ffad3aa7d0eb83b6afec22fdedf85e737182e6bb42479cf611f573a4a176cb8','403a7ad982a81dd79423d3a2733a33b8206c041faea35043eceb805c7619d04a');
INSERT INTO audit VALUES(22,'2026-11-23T02:23:06Z',3,'insert','flags',9,'89eeed2e302c72730edd9c67cc6cdabcd9819debfc1418f228bf044d277d43c7','403a7ad982a81dd79423d3a2733a33b8206c041faea35043eceb805c7619d04a','73054e36fd7e220aae3f49f32a7aab678e3a29d04638e1fa745ff348a128308c');
INSERT INTO audit VALUES(23,'2026-11-23T02:23:06Z',3,'insert','escalations',1,'52f01ffa5139ceca701c53e541e3d86f280722e2a45345742a9fb6da5b38ebf0','73054e36fd7e220aae3f49f32a7aab678e3a29d04638e1fa745ff348a128308c','42d3d7d294a404a9c57ed356849e565c6c0e9b94b271eba5131eddba1159e00e');
INSERT INTO audit VALUES(24,'2026-11-23T02:25:06Z',3,'insert','escalation_steps',1,'5cd7b33f87b5aeadd4faea71ea58b8515b869a236f02b6e0eab48670cc3c66dd','42d3d7d294a404a9c57ed356849e565c6c0e9b94b271eba5131eddba1159e00e','252481bbe94018b3188a644f86b73be6706e65dc74111d9e25b37ab357143b5d');
INSERT INTO audit VALUES(25,'2026-11-23T03:18:06Z',2,'insert','rounds',9,'9fb9070a360fc7dd580ed61a48f1517fdd4e14412ffea5f07dab35e90901f1f1','252481bbe94018b3188a644f86b73be6706e65dc74111d9e25b37ab357143b5d','b7bb40fe5e39f27f21e688ca363d33953da8fbac680c2f3db958d542592ccb91');
INSERT INTO audit VALUES(26,'2026-11-23T03:18:06Z',2,'insert','flags',10,'14a9bf7ea2ff4f17088ff54b8fc20cc3d9ad5362f695eb08571e2451438858e1','b7bb40fe5e39f27f21e688ca363d33953da8fbac680c2f3db958d542592ccb91','40f030ab1c7b5336c577ee6a2fd5ca627277c67c925bc3ce206c80d9fb605ae8');
INSERT INTO audit VALUES(27,'2026-11-23T03:18:06Z',2,'insert','flags',11,'185cb1c519b316feda3173eada969e89594baf3138a44c4a1a5b16c04c6a2159','40f030ab1c7b5336c577ee6a2fd5ca627277c67c925bc3ce206c80d9fb605ae8','39355b5a081b6db60c12c1c72802288432c4ca21d360eb39199ce551c8bfe472');
INSERT INTO audit VALUES(28,'2026-11-23T03:46:06Z',1,'insert','discharges',1,'c18d213878e902624a0414573872a12f1faa68828436cc9b32211b1a40db1bce','39355b5a081b6db60c12c1c72802288432c4ca21d360eb39199ce551c8bfe472','595c364ed89c6e2b12acd57d95e05459c14d224fcb52fcf19f8eb8bad1413273');
INSERT INTO audit VALUES(29,'2026-11-23T07:14:06Z',2,'insert','stays',2,'b915e4b21514e26d1382949e0c7ecb393d0013e56e6daf16b14032a3b6086ff1','595c364ed89c6e2b12acd57d95e05459c14d224fcb52fcf19f8eb8bad1413273','10186470a90e019b1525f11c67642d019d253c6221ae8bab490f3bd46ab85c91');
INSERT INTO audit VALUES(30,'2026-11-23T07:26:06Z',1,'insert','rounds',10,'ff3f20d89ef5d7b697c68fe7859fd9b7537d4b4f3a199283845f3eef193c3aec','10186470a90e019b1525f11c67642d019d253c6221ae8bab490f3bd46ab85c91','6703b4a6f23df088f5bec39b1aaab10d85d9863c84329326b9b6fd3606eddb78');
INSERT INTO audit VALUES(31,'2026-11-23T08:29:06Z',3,'insert','rounds',11,'91f40705025ebaa6f2a19381503c77e124376906e86cf7d2c44fd0afa0780f26','6703b4a6f23df088f5bec39b1aaab10d85d9863c84329326b9b6fd3606eddb78','d9d2282e3edf86d55af5284164d1aea0e8db998fefa1af0eb6a3aa980935465e');
INSERT INTO audit VALUES(32,'2026-11-23T08:29:06Z',3,'insert','flags',12,'e1c5ae6f8bcf8c07512a9899a71b423ef4a23ecfb7f1808f924b907c5c4314e0','d9d2282e3edf86d55af5284164d1aea0e8db998fefa1af0eb6a3aa980935465e','8508ea5550e1eb3d58e25db8802b645efc832f272bcfee1dc84822a9449bafd5');
INSERT INTO audit VALUES(33,'2026-11-23T08:29:06Z',3,'insert','flags',13,'272275ec0598d100d90d1647314fff19639d72408bdd37366e1ec2ba7293390f','8508ea5550e1eb3d58e25db8802b645efc832f272bcfee1dc84822a9449bafd5','3e25750c89bf549fc150ac573e8a1b5f5e7298e4a5840af9d75e4e6a502ada16');
INSERT INTO audit VALUES(34,'2026-11-23T08:29:06Z',3,'insert','escalations',2,'9b28fd8773aaef8d8d36ff7d5ff4e0b380de82a731062242551ee0aee77cbc2c','3e25750c89bf549fc150ac573e8a1b5f5e7298e4a5840af9d75e4e6a502ada16','1b5a511b7effd13fa9e180ca04cc869a4490c4573d4a20eccf8d6892820f3fb9');
INSERT INTO audit VALUES(35,'2026-11-23T08:33:06Z',3,'insert','escalation_steps',2,'db631b30a1c5622dca66db0092d7dc9405ad136fb461c639a355622bfc3de7ea','1b5a511b7effd13fa9e180ca04cc869a4490c4573d4a20eccf8d6892820f3fb9','4f99f8faca8d7e01406270991adb5173b16513435358081ff922ceeb4c72b303');
INSERT INTO audit VALUES(36,'2026-11-23T09:39:06Z',2,'insert','rounds',12,'1667f3db0d96760fc4dfc332a7c8f96d6c9f2d6933d2d7e8d05fe8b946e81ca3','4f99f8faca8d7e01406270991adb5173b16513435358081ff922ceeb4c72b303','d24abf2a83d1e32874950fbc594161e748b3818c4c1c80af60e79a699b90f92a');
INSERT INTO audit VALUES(37,'2026-11-23T09:39:06Z',2,'insert','flags',14,'10ed99c838b7a8c7b1d82653c628001ebc03f6c8a5c90bc7547a07a16d9ad988','d24abf2a83d1e32874950fbc594161e748b3818c4c1c80af60e79a699b90f92a','b97e1a3df5c53354a7b29fb4ae2a031da52e2ab9d2ca402af1da9395a0e094de');
INSERT INTO audit VALUES(38,'2026-11-23T09:39:06Z',2,'insert','flags',15,'69074037bc15e97d166d92bd2209e44abe77a8b0966a03fa02b913022650c983','b97e1a3df5c53354a7b29fb4ae2a031da52e2ab9d2ca402af1da9395a0e094de','708192232b84fcc86b23f950508672c529d54ad04feeb716cbfb52f523e99899');
INSERT INTO audit VALUES(39,'2026-11-23T10:41:06Z',3,'insert','rounds',13,'65db5b45077a53ce9e2434b0f531a1085f00c484555229f37f6816173fe24c37','708192232b84fcc86b23f950508672c529d54ad04feeb716cbfb52f523e99899','f7ff2e5661940fd0ef7405f164c5d52ed279cbda7c4c317eab3a04470fd92f81');
INSERT INTO audit VALUES(40,'2026-11-23T10:41:06Z',3,'insert','flags',16,'fbccc5b4493b294dcb812ec944a746af4a21fc84ee3263865c1329f38ea819c2','f7ff2e5661940fd0ef7405f164c5d52ed279cbda7c4c317eab3a04470fd92f81','8b40a24cf4af29d21133895ab7e05f1a46ee6af94d2cef492bb02aeb6ada8ec4');
INSERT INTO audit VALUES(41,'2026-11-23T10:41:06Z',3,'insert','flags',17,'6844ad148777c10953b4fb032d378f2a6934af96fd68d6aaac6fbede97448b1d','8b40a24cf4af29d21133895ab7e05f1a46ee6af94d2cef492bb02aeb6ada8ec4','b0061d28803b7ec18264378a67eacb378d9b7f0155d24cc53823854a05a0b4f0');
INSERT INTO audit VALUES(42,'2026-11-23T11:47:06Z',3,'insert','rounds',14,'4fb9c756fe77610cd949663b2aebcaa982407668b5d49d524a4ba832660b6ffe','b0061d28803b7ec18264378a67eacb378d9b7f0155d24cc53823854a05a0b4f0','e48e9abc9b2fa71d4fad8d60ff5f5a22d31116b80a7ec438d028139017af6a9d');
INSERT INTO audit VALUES(43,'2026-11-23T11:47:06Z',3,'insert','flags',18,'b0aaa129d2c46807e7ee3cfe70139e116655acdabed2992a9325da2352cb3c3b','e48e9abc9b2fa71d4fad8d60ff5f5a22d31116b80a7ec438d028139017af6a9d','a203e00278db8f087cf46cca124a2aab3cb95c8506fe434965c2bdacd422e23b');
INSERT INTO audit VALUES(44,'2026-11-23T11:47:06Z',3,'insert','flags',19,'3c8d79afa62a63cd58a17807850598bd175b7e9676a6cb6c40af6e4446769d77','a203e00278db8f087cf46cca124a2aab3cb95c8506fe434965c2bdacd422e23b','8b01216eba3af27e97bd0caf7b39299c0f239d8bf6814e604bdb401721da7817');
INSERT INTO audit VALUES(45,'2026-11-23T12:44:06Z',3,'insert','rounds',15,'e1fe930b56cf31b4458862d9e43ac819931f6b7af60f6cebf015bfe1a20d2e50','8b01216eba3af27e97bd0caf7b39299c0f239d8bf6814e604bdb401721da7817','07a805275ab51cacc7d09e319d5869fbdee6c782a9f90af7b6fb94e56f0648dc');
INSERT INTO audit VALUES(46,'2026-11-23T12:44:06Z',3,'insert','flags',20,'684424d096a2bbfc80f0cad4db7946c75b6ad8e0e58459e6464c8d534ee9e415','07a805275ab51cacc7d09e319d5869fbdee6c782a9f90af7b6fb94e56f0648dc','f59cb21ca3d7cf2ae0f190c852f43f9c61d384f413356df2dd49ac1b0dd8239e');
INSERT INTO audit VALUES(47,'2026-11-23T13:48:06Z',3,'insert','rounds',16,'a656ea3b1bb8a524081696802837e717776c421f0e16efbdbe0a06e14e0479c5','f59cb21ca3d7cf2ae0f190c852f43f9c61d384f413356df2dd49ac1b0dd8239e','6cafd2e8f0261a7d827e9a78bbfb3028b74cb3410c4bb9fd1ef7ce03e8cc13ce');
INSERT INTO audit VALUES(48,'2026-11-23T13:48:06Z',3,'insert','flags',21,'b87b2b7154730a1a067c90cdf7e6c729c90ec653ce1b234877d4d3d9f6de294b','6cafd2e8f0261a7d827e9a78bbfb3028b74cb3410c4bb9fd1ef7ce03e8cc13ce','9536c77245d70b09bdd7eacc010a55512b7d9013cf56b029d93b4f44c257c0e4');
INSERT INTO audit VALUES(49,'2026-11-23T13:48:06Z',3,'insert','flags',22,'83aa3ea5e3e5e43d025aa54f7e5e9c3bb80957bd8342f130e18f440705e77c68','9536c77245d70b09bdd7eacc010a55512b7d9013cf56b029d93b4f44c257c0e4','12a9d353e330f45a88a7ace2ace8a5e18015af33c2d8abb45fa36a37d0b6d8d6');
INSERT INTO audit VALUES(50,'2026-11-23T14:15:06Z',2,'insert','discharges',2,'87cfdb8ed95b153f80df0b0a3bc131b105683eac682c69e17a7fc892d690e96d','12a9d353e330f45a88a7ace2ace8a5e18015af33c2d8abb45fa36a37d0b6d8d6','789720fe626ee27d845ebb791a3bde2552a4060262b314186d99656789f89737');
INSERT INTO audit VALUES(51,'2026-11-23T13:34:06Z',3,'insert','stays',3,'7eb582fbb363f0c6a599869078dcba83a9e03bbce0a3bbad3925073a8caac89a','789720fe626ee27d845ebb791a3bde2552a4060262b314186d99656789f89737','70484d89b0767c1b390947f7b3d5e581cf8df355232370992b72969679ba5dd8');
INSERT INTO audit VALUES(52,'2026-11-23T13:53:06Z',3,'insert','rounds',17,'17ffe9b65417854bb301d386f3945449fb2589c1d1f4cc09d8a89b5c5c41f945','70484d89b0767c1b390947f7b3d5e581cf8df355232370992b72969679ba5dd8','ffe4a745d9ba20a0c3e23b866723a711d552d2faf1c5796758d157404ac00018');
INSERT INTO audit VALUES(53,'2026-11-23T15:01:06Z',3,'insert','rounds',18,'e58100d8abc86c0336b23ea2d0f635025586f8245f07155f2ca12eb2e36e678d','ffe4a745d9ba20a0c3e23b866723a711d552d2faf1c5796758d157404ac00018','62225167cf21e28e7fa7bfa4594c1dba4d2c9fd1577cbf0602500304e3b5d2cb');
INSERT INTO audit VALUES(54,'2026-11-23T15:01:06Z',3,'insert','flags',23,'ce464ce7e2f70da2357992d9b31c1a3842ca6ec5cab1b276a05cd60a6eea1030','62225167cf21e28e7fa7bfa4594c1dba4d2c9fd1577cbf0602500304e3b5d2cb','cc50133d10d4fbbf2446f25acc97c003641d242bd1c04ee939a2e4452e71cc5c');
INSERT INTO audit VALUES(55,'2026-11-23T16:11:06Z',1,'insert','rounds',19,'958ad0367aebfe929537373a50d5a70adc333135ba0df9fecb7021e9efbd2e56','cc50133d10d4fbbf2446f25acc97c003641d242bd1c04ee939a2e4452e71cc5c','6d2bee6aea4159994569bf19684eedaa59d92ac2827b8f9fed3e2784e59e28ca');
INSERT INTO audit VALUES(56,'2026-11-23T16:11:06Z',1,'insert','flags',24,'85b394827026d038e1dcf7a6f45701be3492aa88b308f9167660fc4d0177d28e','6d2bee6aea4159994569bf19684eedaa59d92ac2827b8f9fed3e2784e59e28ca','57d3309a2ac8f62e7f610fc0934c0f80cf4860d1047219af625ab705031ad521');
INSERT INTO audit VALUES(57,'2026-11-23T16:11:06Z',1,'insert','flags',25,'73fa317111d4a3c48a8ecf0b2b115a695890218d4e89408d5c6f7c57ff4a3a1b','57d3309a2ac8f62e7f610fc0934c0f80cf4860d1047219af625ab705031ad521','803f3ed35e90d4d98eadd0c8cc28f32c34b9311ce12a2720a3c3ba2adc439fd2');
CREATE TABLE staff_pins (
  id        INTEGER PRIMARY KEY,
  staff_id  INTEGER NOT NULL REFERENCES staff(id),
  pin_hash  TEXT NOT NULL CHECK (pin_hash LIKE '$argon2id$%'),
  set_at    TEXT NOT NULL,
  set_by    INTEGER NOT NULL REFERENCES staff(id)
);
CREATE TABLE sign_ins (
  id        INTEGER PRIMARY KEY,
  staff_id  INTEGER NOT NULL REFERENCES staff(id),
  at        TEXT NOT NULL,
  outcome   TEXT NOT NULL
            CHECK (outcome IN ('signed_in', 'wrong_pin', 'refused_locked', 'signed_out', 'idle_locked'))
);
CREATE TABLE rule_choices (
  id          INTEGER PRIMARY KEY,
  path        TEXT NOT NULL,
  rule_set    TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  chosen_at   TEXT NOT NULL,
  chosen_by   INTEGER NOT NULL REFERENCES staff(id)
);
CREATE TABLE handoff_notes (
  id               INTEGER PRIMARY KEY,
  stay_id          INTEGER NOT NULL REFERENCES stays(id),
  at               TEXT NOT NULL,
  by_staff         INTEGER NOT NULL REFERENCES staff(id),
  severity         TEXT CHECK (severity IS NULL OR severity IN ('stable', 'watcher', 'unstable')),
  severity_reason  TEXT NOT NULL DEFAULT '',
  note             TEXT NOT NULL DEFAULT ''
);
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
CREATE INDEX rounds_by_stay ON rounds (stay_id, taken_at);
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
CREATE INDEX flags_by_round ON flags (round_id);
CREATE INDEX flags_by_stay ON flags (stay_id, round_id);
CREATE TRIGGER flags_no_update BEFORE UPDATE ON flags
BEGIN SELECT RAISE(ABORT, 'flags are never updated'); END;
CREATE TRIGGER flags_no_delete BEFORE DELETE ON flags
BEGIN SELECT RAISE(ABORT, 'flags are never deleted'); END;
CREATE INDEX escalations_by_stay ON escalations (stay_id);
CREATE INDEX escalation_steps_by_escalation ON escalation_steps (escalation_id);
CREATE TRIGGER escalations_no_update BEFORE UPDATE ON escalations
BEGIN SELECT RAISE(ABORT, 'escalations are never updated: add a step'); END;
CREATE TRIGGER escalations_no_delete BEFORE DELETE ON escalations
BEGIN SELECT RAISE(ABORT, 'escalations are never deleted'); END;
CREATE TRIGGER escalation_steps_no_update BEFORE UPDATE ON escalation_steps
BEGIN SELECT RAISE(ABORT, 'escalation steps are never updated'); END;
CREATE TRIGGER escalation_steps_no_delete BEFORE DELETE ON escalation_steps
BEGIN SELECT RAISE(ABORT, 'escalation steps are never deleted'); END;
CREATE TRIGGER missed_rounds_no_update BEFORE UPDATE ON missed_rounds
BEGIN SELECT RAISE(ABORT, 'missed rounds are never updated'); END;
CREATE TRIGGER missed_rounds_no_delete BEFORE DELETE ON missed_rounds
BEGIN SELECT RAISE(ABORT, 'missed rounds are never deleted'); END;
CREATE INDEX patient_limits_by_stay ON patient_limits (stay_id);
CREATE TRIGGER patient_limits_no_update BEFORE UPDATE ON patient_limits
BEGIN SELECT RAISE(ABORT, 'patient limits are never updated: set a new one'); END;
CREATE TRIGGER patient_limits_no_delete BEFORE DELETE ON patient_limits
BEGIN SELECT RAISE(ABORT, 'patient limits are never deleted'); END;
CREATE UNIQUE INDEX audit_by_row ON audit (table_name, row_id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit record is never updated'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit record is never deleted'); END;
CREATE INDEX staff_pins_by_staff ON staff_pins (staff_id, id);
CREATE INDEX sign_ins_by_staff ON sign_ins (staff_id, id);
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
CREATE INDEX handoff_notes_by_stay ON handoff_notes (stay_id, id);
CREATE TRIGGER handoff_notes_no_update BEFORE UPDATE ON handoff_notes
BEGIN SELECT RAISE(ABORT, 'handoff notes are never updated; write a new one'); END;
CREATE TRIGGER handoff_notes_no_delete BEFORE DELETE ON handoff_notes
BEGIN SELECT RAISE(ABORT, 'handoff notes are never deleted'); END;
CREATE TRIGGER handoff_prints_no_update BEFORE UPDATE ON handoff_prints
BEGIN SELECT RAISE(ABORT, 'the print record is never updated'); END;
CREATE TRIGGER handoff_prints_no_delete BEFORE DELETE ON handoff_prints
BEGIN SELECT RAISE(ABORT, 'the print record is never deleted'); END;
COMMIT;
PRAGMA user_version = 7;
