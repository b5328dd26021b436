#!/usr/bin/env bash
# Checks a vigil .deb as a hospital's IT team would meet it:
#   check_deb.sh DEB VERSION SOURCE_DIR [BUILD_DIR]
# lintian finds no error and no warning (overrides, if ever needed, would carry their reason);
# the desktop entry and the AppStream metainfo validate; the man page names every option that
# `vigil ... --help` lists; and the binary, unpacked with dpkg-deb -x into a temporary root and run
# with the source and build trees hidden, prints its version and built-in rule set, scores a
# round, passes the golden cases of the rule file it ships, writes a handoff PDF and opens its
# window under Xvfb.
set -euo pipefail
deb=$(realpath "$1") version=$2 src=$(realpath "$3") build=${4:+$(realpath "$4")}
appid=org.vigilward.Vigil
root=$(mktemp -d /tmp/vigil-deb.XXXXXX)
trap 'rm -rf "$root"' EXIT
fail() {
  echo "check_deb: FAILED: $*" >&2
  exit 1
}
step() { echo "check_deb: $*"; }

arch=$(dpkg --print-architecture)
[[ $(basename "$deb") == "vigil_${version}_${arch}.deb" ]] ||
  fail "$(basename "$deb") is not named vigil_${version}_${arch}.deb"
[[ $(dpkg-deb -f "$deb" Version) == "$version" ]] || fail "Version is not $version"
depends=$(dpkg-deb -f "$deb" Depends)
step "Depends: $depends"
# Computed from the binary by dpkg-shlibdeps, not typed: the libraries vigil links must be there.
for lib in libwxgtk3.2 libsqlite3 libsodium libcairo2 libicu libc6 fonts-dejavu-core; do
  [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
done

dpkg-deb -x "$deb" "$root/unpacked"
r=$root/unpacked
for f in usr/bin/vigil \
  usr/share/applications/$appid.desktop \
  usr/share/metainfo/$appid.metainfo.xml \
  usr/share/icons/hicolor/scalable/apps/vigil.svg \
  usr/share/man/man1/vigil.1.gz \
  usr/share/vigil/rules/intrathecal-recovery.toml \
  usr/share/vigil/rules/intrathecal-recovery.cases.toml \
  usr/share/doc/vigil/copyright \
  usr/share/doc/vigil/changelog.gz; do
  [[ -f $r/$f ]] || fail "the package has no /$f"
done
for size in 16 24 32 48 64 128 256; do
  png=$r/usr/share/icons/hicolor/${size}x${size}/apps/vigil.png
  file "$png" | grep -q "PNG image data, $size x $size," || fail "$png is not a ${size}x$size PNG"
done
# Nothing outside /usr (no build-tree path, no /usr/local).
outside=$(cd "$r" && find . -mindepth 1 -maxdepth 1 ! -name usr)
[[ -z $outside ]] || fail "the package installs outside /usr: $outside"

step "release notes name $version"
zcat "$r/usr/share/doc/vigil/changelog.gz" | head -1 | grep -q "^vigil ($version)" ||
  fail "the changelog's newest entry is not $version: add one to packaging/changelog"
grep -q "<release version=\"$version\"" "$r/usr/share/metainfo/$appid.metainfo.xml" ||
  fail "the metainfo has no <release version=\"$version\">: add one"

step "desktop-file-validate"
desktop-file-validate "$r/usr/share/applications/$appid.desktop"
step "appstreamcli validate"
appstreamcli validate --no-net "$r/usr/share/metainfo/$appid.metainfo.xml"

step "lintian"
lintian_out=$(lintian --fail-on none --display-info --show-overrides "$deb")
echo "$lintian_out"
# E: errors and W: warnings fail (an override, if one is ever needed, ships in the package with
# its reason and shows as O:).
if grep -E '^(E|W): ' <<<"$lintian_out"; then fail "lintian reports the lines above"; fi

# The binary runs from the unpacked root alone: the trees it was built from are hidden behind
# empty mounts where the kernel lets us (a private mount namespace); else strings must not name them.
hidden=("$src")
[[ -n $build && $build != "$src"/* ]] && hidden+=("$build")
for dir in "${hidden[@]}"; do
  if strings "$r/usr/bin/vigil" | grep -F -- "$dir/"; then fail "the binary names the build tree $dir"; fi
done
hide=""
for dir in "${hidden[@]}"; do hide+="mount -t tmpfs none '$dir' && "; done
isolated=()
if unshare --mount true 2>/dev/null; then
  isolated=(unshare --mount)
elif unshare --mount --map-root-user true 2>/dev/null; then
  isolated=(unshare --mount --map-root-user)
else
  step "no mount namespace here: the source and build trees stay visible (strings found none)"
fi
mkdir -p "$root/home" "$root/config" "$root/data"
display=() # set to xvfb-run for the window
vigil() {
  local cmd="exec \"\$@\""
  ((${#isolated[@]})) && cmd="$hide $cmd"
  (cd "$root" && HOME=$root/home XDG_CONFIG_HOME=$root/config XDG_DATA_HOME=$root/data \
    "${display[@]}" "${isolated[@]}" sh -c "$cmd" vigil "$r/usr/bin/vigil" "$@")
}

step "vigil --version"
out=$(vigil --version)
echo "$out"
rules=$r/usr/share/vigil/rules/intrathecal-recovery.toml
sha=$(sha256sum "$rules" | cut -d' ' -f1)
name=$(sed -n 's/^name = "\(.*\)"$/\1/p' "$rules")
rules_version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$rules")
[[ $(head -1 <<<"$out") == "vigil $version" ]] || fail "--version's first line is not 'vigil $version'"
# The shipped file is the one built in: same name, version and SHA-256.
[[ $out == *"built-in rule set: $name $rules_version, sha256 $sha"* ]] ||
  fail "--version does not name the shipped rule file ($name $rules_version, sha256 $sha)"

step "vigil evaluate"
# RR 8 scores 3, SpO2 93 scores 2, the rest 0: NEWS2 5, medium (a red score); POSS 3 raises a flag.
line='{"rr":8,"spo2":93,"o2":false,"sbp":112,"hr":58,"acvpu":"A","temp":36.6,"poss":3}'
out=$(vigil evaluate <<<"$line")
echo "$out"
[[ $(wc -l <<<"$out") == 1 ]] || fail "evaluate wrote more than one line for one line in"
[[ $out == '{'*'}' ]] || fail "evaluate's line is not a JSON object"
for want in '"total":5' '"band":"medium"' '"red_score":true' '"poss":"3"' '"flags":[{' \
  "\"rule_set\":{\"name\":\"$name\",\"sha256\":\"$sha\",\"version\":\"$rules_version\"}"; do
  [[ $out == *"$want"* ]] || fail "evaluate's line lacks $want"
done

step "vigil rules test on the unpacked rule file"
out=$(vigil rules test "$rules")
tail -1 <<<"$out"
tail -1 <<<"$out" | grep -Eq '^[1-9][0-9]* passed, 0 failed$' || fail "the shipped cases do not all pass"

step "vigil demo, then vigil handoff: a PDF drawn with the fonts and cairo of the system"
vigil demo --db "$root/ward.db" --beds 2 --days 1 --seed 7
vigil handoff --db "$root/ward.db" --pdf "$root/handoff.pdf"
head -c 5 "$root/handoff.pdf" | grep -q '%PDF-' || fail "vigil handoff wrote no PDF"

if command -v xvfb-run >/dev/null; then
  step "vigil --quit-after-start: the window opens on its sign-in screen, under Xvfb"
  display=(xvfb-run -a -s "-screen 0 1280x1024x24")
  vigil --quit-after-start || fail "the window did not start"
  display=()
  [[ -f $root/data/vigil/vigil.db ]] || fail "the window did not create its default database"
else
  step "no xvfb-run (packaging/install-deps.sh --with-tests): the window is not started"
fi

step "the man page names every command and option"
man=$(zcat "$r/usr/share/man/man1/vigil.1.gz" | sed 's/\\-/-/g')
commands() { vigil "$@" --help | awk '/^Subcommands:/{s=1;next} s&&/^ +[a-z]/{print $1} /^$/{s=0}'; }
check_help() {
  local opt
  for opt in $(vigil "$@" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u); do
    [[ $man == *"$opt"* ]] || fail "the man page does not mention $opt of 'vigil $*'"
  done
  [[ $# == 0 || $man == *"vigil $*"* ]] || fail "the man page has no 'vigil $*'"
}
check_help
for c in $(commands); do
  check_help "$c"
  for s in $(commands "$c"); do check_help "$c" "$s"; done
done
step "ok: $(basename "$deb")"
