-- Vigil schema 11: every FHIR bundle sent to the hospital's EHR (issue 15), with the server's
-- answer. Insert-only and audited like the rest of the record: what was accepted is not sent
-- again; a refusal stays here, in words, until a later send of that round is accepted.

CREATE TABLE fhir_deliveries (
  id             INTEGER PRIMARY KEY,
  round_id       INTEGER NOT NULL REFERENCES rounds(id),
  endpoint       TEXT NOT NULL,               -- the server's base URL
  at             TEXT NOT NULL,               -- when it was sent
  bundle_sha256  TEXT NOT NULL,               -- what was sent: the bundle's SHA-256
  outcome        TEXT NOT NULL CHECK (outcome IN ('accepted', 'refused', 'failed')),
  http_status    INTEGER,                     -- empty when no answer came (network, TLS)
  answer         TEXT NOT NULL DEFAULT ''     -- the server's OperationOutcome in words, or the error
);
CREATE INDEX fhir_deliveries_by_endpoint ON fhir_deliveries (endpoint, round_id);

CREATE TRIGGER fhir_deliveries_no_update BEFORE UPDATE ON fhir_deliveries
BEGIN SELECT RAISE(ABORT, 'the delivery record is never updated'); END;
CREATE TRIGGER fhir_deliveries_no_delete BEFORE DELETE ON fhir_deliveries
BEGIN SELECT RAISE(ABORT, 'the delivery record is never deleted'); END;
