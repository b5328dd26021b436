#!/usr/bin/env bash
# README command (2): install what is missing, build with warnings as errors, run every test
# (GUI tests in real windows under Xvfb, started by CTest itself).
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/install-deps.sh --with-tests
cmake -S . -B build/ci -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVIGIL_WERROR=ON -DVIGIL_TESTS=ON
cmake --build build/ci
ctest --test-dir build/ci --output-on-failure -j2
