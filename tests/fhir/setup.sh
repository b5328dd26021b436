#!/usr/bin/env bash
# CTest fixture: installs the pinned FHIR software (package-lock.json) with `npm ci` into the
# build tree. Needs Node 20.19 or later (@medplum/core 4.5.2); Debian 12's own nodejs is 18. Without
# it this fails, and so does every FHIR validation test: they never pass without having run.
set -euo pipefail
src=$1 dest=$2
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "FHIR validation needs Node.js 20.19 or later with npm (Debian 12's nodejs is 18, too old): none found" >&2
  exit 1
fi
version=$(node --version) # v20.20.2
IFS=. read -r major minor _ <<<"${version#v}"
if ((major < 20 || (major == 20 && minor < 19))); then
  echo "FHIR validation needs Node.js 20.19 or later; $(command -v node) is $version (Debian 12's nodejs is 18)" >&2
  exit 1
fi
mkdir -p "$dest"
cp "$src"/package.json "$src"/package-lock.json "$src"/*.mjs "$dest"/
# npm ci starts from nothing each time; the lock's copy beside node_modules says it is current.
if ! cmp -s "$src/package-lock.json" "$dest/node_modules/.vigil-lock" 2>/dev/null; then
  (cd "$dest" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$src/package-lock.json" "$dest/node_modules/.vigil-lock"
fi
node -e "import('@medplum/core').then(() => console.log('FHIR validator ready: @medplum 4.5.2 on Node ' + process.version))" --input-type=module 2>/dev/null ||
  (cd "$dest" && node --input-type=module -e "await import('@medplum/core'); console.log('FHIR validator ready: @medplum 4.5.2 on Node ' + process.version)")
