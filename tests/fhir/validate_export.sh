#!/usr/bin/env bash
# Every resource the FHIR tests produce, through the real validator: the bundles of the C++
# scenarios (amendments, partial rounds, scale 2, an escalation's steps) and a demo ward's
# export by `vigil export fhir`.
set -euo pipefail
vigil=$1 test_fhir=$2 node_dir=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/samples" "$work/config/vigil"
VIGIL_FHIR_SAMPLES="$work/samples" "$test_fhir" "[fhir]" >/dev/null
cat >"$work/config/vigil/settings.toml" <<'TOML'
[fhir]
mrn_system = "https://hospital.example/fhir/mrn"
code_system = "https://hospital.example/fhir/CodeSystem/vigil"
staff_system = "https://hospital.example/fhir/staff"
TOML
"$vigil" demo --db "$work/demo.db" --beds 6 --days 2 --seed 15 >/dev/null
XDG_CONFIG_HOME="$work/config" "$vigil" export fhir --db "$work/demo.db" --out "$work/demo"
cd "$node_dir"
node validate.mjs "$work/samples" "$work/demo"
