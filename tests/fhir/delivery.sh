#!/usr/bin/env bash
# `vigil export fhir --to` against a real FHIR server on the loopback address (server.mjs:
# @medplum/fhir-router 4.5.2, validating what it receives): a day of demo rounds is POSTed; the
# bundles of one patient the server does not know are refused; the refusal is recorded, shown
# in words by --pending, nothing of it is stored or marked delivered; once the patient exists the
# retry succeeds, and a third run sends nothing. What the server stored is read back.
set -euo pipefail
vigil=$1 node_dir=$2
work=$(mktemp -d)
server=
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

mkdir -p "$work/config/vigil"
cat >"$work/config/vigil/settings.toml" <<'TOML'
[fhir]
mrn_system = "https://hospital.example/fhir/mrn"
code_system = "https://hospital.example/fhir/CodeSystem/vigil"
TOML
export XDG_CONFIG_HOME="$work/config"

cd "$node_dir"
node server.mjs >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q listening "$work/server.log" && break; sleep 0.1; done
base=$(awk '/listening/{print $2}' "$work/server.log")
[[ -n $base ]] || fail "the test server did not start: $(cat "$work/server.log")"

"$vigil" demo --db "$work/ward.db" --beds 4 --days 1 --seed 21 >/dev/null
"$vigil" export fhir --db "$work/ward.db" --out "$work/bundles" >/dev/null
skipped=$(node client.mjs register "$base" "$work/bundles" --skip-first | awk '/skipped/{print $2}')
[[ -n $skipped ]] || fail "no patient left unregistered"

step "first delivery: one patient unknown to the server"
set +e
"$vigil" export fhir --db "$work/ward.db" --to "$base" >"$work/first.txt"
rc=$?
set -e
cat "$work/first.txt" | tail -3
((rc == 1)) || fail "a delivery with refusals exited $rc, not 1"
grep -q "refused, HTTP 422: error: No Patient with identifier https://hospital.example/fhir/mrn|$skipped" "$work/first.txt" ||
  fail "the refusal is not shown in words"
refused=$(grep -c "refused, HTTP 422" "$work/first.txt")
((refused > 0)) || fail "nothing was refused"
grep -Eq " [0-9]+ sent, [0-9]+ accepted, $refused refused, 0 not answered; 0 already there$" "$work/first.txt" ||
  fail "the summary line does not add up"

step "--pending lists the refused rounds with the server's words"
"$vigil" export fhir --db "$work/ward.db" --pending >"$work/pending.txt"
tail -2 "$work/pending.txt"
(($(grep -c ": refused .*HTTP 422: error: No Patient" "$work/pending.txt") == refused)) || fail "--pending does not list every refusal"
grep -q "^$base: $refused rounds waiting since " "$work/pending.txt" || fail "--pending has no waiting line"

step "what the server stored, read back; nothing of the refused patient"
node client.mjs readback "$base" "$work/bundles" --absent "$skipped"

step "the deliveries are part of the audited record"
"$vigil" audit verify --db "$work/ward.db"

step "the patient now exists: the retry sends only what was refused"
node client.mjs register "$base" "$work/bundles" --only "$skipped" >/dev/null
"$vigil" export fhir --db "$work/ward.db" --to "$base" | tee "$work/second.txt"
grep -Eq ": $refused sent, $refused accepted, 0 refused, 0 not answered; [0-9]+ already there$" "$work/second.txt" ||
  fail "the retry did not send exactly the refused rounds"
"$vigil" export fhir --db "$work/ward.db" --pending | grep -q "every round delivered" || fail "still pending after the retry"
node client.mjs readback "$base" "$work/bundles"

step "a third run sends nothing"
"$vigil" export fhir --db "$work/ward.db" --to "$base" | grep -Eq ": 0 sent, .*; [0-9]+ already there$" || fail "accepted bundles were sent again"

step "a server that is not there: recorded as not answered, still pending"
set +e
"$vigil" export fhir --db "$work/ward.db" --to "http://127.0.0.1:9" >"$work/down.txt"
rc=$?
set -e
((rc == 1)) || fail "an unreachable server exited $rc"
grep -q "failed: " "$work/down.txt" || fail "no failure shown for an unreachable server"
step "--follow keeps delivering: a refusal is delivered once the patient exists"
"$vigil" demo --db "$work/ward2.db" --beds 3 --days 1 --seed 22 >/dev/null
"$vigil" export fhir --db "$work/ward2.db" --out "$work/bundles2" >/dev/null
skipped2=$(node client.mjs register "$base" "$work/bundles2" --skip-first | awk '/skipped/{print $2}')
"$vigil" export fhir --db "$work/ward2.db" --to "$base" --follow --every 1 >"$work/follow.txt" 2>&1 &
follower=$!
for _ in $(seq 100); do grep -q "refused, HTTP 422" "$work/follow.txt" && break; sleep 0.2; done
grep -q "refused, HTTP 422" "$work/follow.txt" || { kill $follower; fail "--follow sent nothing: $(cat "$work/follow.txt")"; }
node client.mjs register "$base" "$work/bundles2" --only "$skipped2" >/dev/null
# Refused bundles are tried again after ten passes (10 s here).
for _ in $(seq 150); do
  "$vigil" export fhir --db "$work/ward2.db" --pending --to "$base" | grep -q "every round delivered" && break
  sleep 0.2
done
kill -TERM $follower
set +e
wait $follower
rc=$?
set -e
cat "$work/follow.txt" | grep -v "^round " || true
((rc == 0)) || fail "--follow exited $rc when stopped"
"$vigil" export fhir --db "$work/ward2.db" --pending --to "$base" | grep -q "every round delivered" ||
  fail "--follow did not deliver the rounds once the patient existed"
grep -q "stopped following" "$work/follow.txt" || fail "--follow did not stop cleanly"

echo "delivery test passed"
