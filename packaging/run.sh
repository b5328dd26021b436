#!/usr/bin/env bash
# README command (1): install what is missing, build, and start Vigil on its default database
# ($XDG_DATA_HOME/vigil/vigil.db, created on first start). Extra arguments go to vigil.
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/install-deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DVIGIL_TESTS=OFF
cmake --build build/release
exec ./build/release/vigil "$@"
