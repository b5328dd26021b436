#!/usr/bin/env bash
# Builds build/deb/vigil_<version>_<arch>.deb: an -O2 build (RelWithDebInfo, as CI tests it; CPack
# strips it) with Debian's own hardening flags (dpkg-buildflags), installed to /usr by CPack,
# dependencies computed by dpkg-shlibdeps; then checks it as the test suite does (lintian,
# validators, the unpacked binary).
# Install it with: apt install ./build/deb/vigil_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/install-deps.sh --with-package
export DEB_BUILD_MAINT_OPTIONS=hardening=+all
# CMake reads neither CPPFLAGS nor DEB_* itself: hand it Debian's flags (fortify is in CPPFLAGS).
cxxflags="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)"
ldflags=$(dpkg-buildflags --get LDFLAGS)
cmake -S . -B build/deb-build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVIGIL_TESTS=OFF \
  "-DCMAKE_CXX_FLAGS=$cxxflags" "-DCMAKE_EXE_LINKER_FLAGS=$ldflags"
cmake --build build/deb-build
rm -f build/deb/vigil_*.deb
(cd build/deb-build && cpack -B "$PWD/../deb")
deb=$(ls build/deb/vigil_*.deb)
version=$(dpkg-deb -f "$deb" Version)
./tests/packaging/check_deb.sh "$deb" "$version" . build/deb-build
echo "deb: $deb"
