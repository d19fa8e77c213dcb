#!/usr/bin/env bash
# Checks that the .deb installs and its CLI runs: builds it (mvn -Pinstaller), installs it with apt
# (which pulls in its dependencies), runs `trellis --version` and `trellis validate` on a template
# from /usr/bin/trellis, then purges the package and checks the link went with it.
# Needs root on Debian/Ubuntu and a few minutes (jpackage); not part of CI. SKIP_BUILD=1 reuses
# target/installer/*.deb.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
if dpkg -s trellis >/dev/null 2>&1; then
  echo "check.sh: a trellis package is installed already; remove it first (dpkg -r trellis)" >&2
  exit 1
fi
[ -n "${SKIP_BUILD:-}" ] || mvn -B -q -Pinstaller -DskipTests package
deb=$(ls target/installer/trellis_*.deb)
version=$(sed -n 's/^version=//p' target/classes/trellis/version.properties)
echo "check.sh: $deb, $(du -h "$deb" | cut -f1)"
DEBIAN_FRONTEND=noninteractive apt-get install -y -q "./$deb" >target/installer/apt.log 2>&1 \
  || { cat target/installer/apt.log; exit 1; }
trap 'dpkg -P trellis >/dev/null 2>&1 || true' EXIT
test "$(readlink /usr/bin/trellis)" = /opt/trellis/bin/trellis
work=$(mktemp -d)
cp src/main/resources/trellis/templates/co-located.json "$work/"
cd "$work"   # nothing from the checkout on the way: the installed CLI only
out=$(trellis --version)
echo "$out"
[ "$(echo "$out" | head -1)" = "trellis $version" ] || { echo "check.sh: expected 'trellis $version'" >&2; exit 1; }
trellis validate co-located.json
cd - >/dev/null
rm -rf "$work"
dpkg -P trellis >/dev/null
trap - EXIT
[ ! -e /usr/bin/trellis ] || { echo "check.sh: /usr/bin/trellis outlived the package" >&2; exit 1; }
echo "check.sh: ok in $(( $(date +%s) - start )) s"
