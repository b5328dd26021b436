#!/usr/bin/env bash
# Builds optimised and runs the benchmarks (under Xvfb, for the start-up figure). Prints medians.
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/install-deps.sh --with-tests
cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DVIGIL_TESTS=ON
cmake --build build/bench --target bench_vigil vigil
xvfb-run -a -s "-screen 0 1280x1024x24" build/bench/tests/bench/bench_vigil "$@"
