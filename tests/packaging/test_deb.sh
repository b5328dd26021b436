#!/usr/bin/env bash
# The package test (CTest): packs the already-built tree with CPack (no second build; CPack
# strips the binary it packs) into a temporary folder and checks the .deb with check_deb.sh.
# `cpack` itself builds nothing, so the two targets it packs are brought up to date first (a
# no-op after a full build, as in CI).
#   test_deb.sh BUILD_DIR SOURCE_DIR VERSION
set -euo pipefail
build=$(realpath "$1") src=$(realpath "$2") version=$3
out=$(mktemp -d /tmp/vigil-cpack.XXXXXX)
trap 'rm -rf "$out"' EXIT
cmake --build "$build" --target vigil vigil_package_docs >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
if ! cpack --config "$build/CPackConfig.cmake" -B "$out" >"$out/cpack.log" 2>&1; then
  cat "$out/cpack.log"
  exit 1
fi
"$(dirname "$0")/check_deb.sh" "$out/vigil_${version}_$(dpkg --print-architecture).deb" "$version" "$src" "$build"
