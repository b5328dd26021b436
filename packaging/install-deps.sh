#!/usr/bin/env bash
# Installs the Debian 12 packages Vigil needs to build, run and test (--with-tests), or to build
# the .deb (--with-package).
# Idempotent: asks dpkg first and only calls apt-get for what is missing.
# Runs as root, or through sudo when it is available.
set -euo pipefail

build=(cmake ninja-build g++ pkg-config
  libwxgtk3.2-dev libsqlitecpp-dev libsqlite3-dev libfmt-dev
  libtomlplusplus-dev nlohmann-json3-dev libcli11-dev libsodium-dev libcairo2-dev libpq-dev
  libcurl4-openssl-dev libicu-dev
  fonts-dejavu-core)
# postgresql: the tests start their own throwaway server from its binaries (tests/support/pg_server.sh).
test=(catch2 libbenchmark-dev xvfb xauth poppler-utils imagemagick time postgresql)
# Building and checking the .deb (packaging/deb.sh; the package test runs with the other tests).
package=(dpkg-dev file librsvg2-bin lintian desktop-file-utils appstream)

# The FHIR validation tests (tests/fhir) run @medplum/core 4.5.2, which needs Node.js 20.19 or
# later; Debian 12's own nodejs is 18. Not installed from here (it is not in Debian 12): said
# here, and the tests fail with the same message rather than pass without running.
check_node() {
  local v
  v=$(node --version 2>/dev/null || true)
  v=${v#v}
  local major=${v%%.*} rest=${v#*.}
  local minor=${rest%%.*}
  if [[ -z $v ]] || ((major < 20 || (major == 20 && minor < 19))); then
    echo "install-deps: note: the FHIR validation tests need Node.js >= 20.19 with npm" \
      "(found: ${v:-none}; Debian 12's nodejs is 18): install Node 20 from NodeSource or nodejs.org" >&2
  fi
}

want=("${build[@]}")
case "${1:-}" in
  --with-tests) want+=("${test[@]}" "${package[@]}"); check_node ;;
  --with-package) want+=("${package[@]}") ;;
esac

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} == 0)); then
  echo "install-deps: everything is already installed"
  exit 0
fi

sudo=()
if ((EUID != 0)); then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
