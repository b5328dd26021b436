#!/usr/bin/env bash
# Builds the libFuzzer targets with clang, AddressSanitizer and UBSan, and runs each for
# SECONDS (default 600) on its corpus under tests/fuzz/corpus, keeping what it finds there.
# TARGETS (default: all three) picks some: TARGETS="db" packaging/fuzz.sh 600.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
./packaging/install-deps.sh --with-tests
command -v clang++ >/dev/null || { sudo=(); ((EUID == 0)) || sudo=(sudo); "${sudo[@]}" apt-get install -y -qq clang libclang-rt-14-dev; }
cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DVIGIL_FUZZ=ON -DVIGIL_GUI=OFF -DVIGIL_TESTS=OFF
targets=(${TARGETS:-rules evaluate db})
cmake --build build/fuzz --target "${targets[@]/#/fuzz_}"
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
for target in "${targets[@]}"; do
  mkdir -p "build/fuzz/found-$target"
  # A database file is bigger than a line of JSON: the corpus holds a 115 KB demo ward.
  maxlen=(); [[ $target == db ]] && maxlen=(-max_len=131072)
  build/fuzz/tests/fuzz/fuzz_$target "${maxlen[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="build/fuzz/crash-$target-" "build/fuzz/found-$target" "tests/fuzz/corpus/$target" &
done
wait
# Keep a minimal corpus that covers what the run reached.
for target in "${targets[@]}"; do
  mkdir -p "build/fuzz/min-$target"
  build/fuzz/tests/fuzz/fuzz_$target -merge=1 "build/fuzz/min-$target" "tests/fuzz/corpus/$target" "build/fuzz/found-$target" 2>/dev/null
  rm -rf "tests/fuzz/corpus/$target" && mv "build/fuzz/min-$target" "tests/fuzz/corpus/$target"
done
