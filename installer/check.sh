#!/usr/bin/env bash
# Checks the .deb: builds it (mvn -Pinstaller), installs it with apt (which pulls in its
# dependencies), checks postinst made the class-data archive and the launcher maps it, checks the
# menu entry (desktop-file-validate) and the spec MIME type (xdg-mime: a *.trellis.json file is of
# that type and it opens with the menu entry), runs `trellis --version` and `trellis validate` on a template from /usr/bin/trellis, opens the
# installed console under Xvfb (no Docker: DOCKER_HOST unset, a throw-away XDG_CONFIG_HOME and
# XDG_DATA_HOME), waits for its window, screenshots it to target/screenshots/installed.png, closes
# it and checks no process of it is left, then removes the package (dpkg -r) and checks nothing of
# it is left in /opt/trellis, /usr/bin/trellis, the menu or the MIME database.
# Needs root on Debian/Ubuntu, xvfb, x11-utils (xwininfo), imagemagick (import), desktop-file-utils,
# shared-mime-info and libfile-mimeinfo-perl (xdg-mime's way to read the MIME database); .ci/run installs
# them and runs this after its tests. SKIP_BUILD=1 reuses target/installer/*.deb.
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
work=$(mktemp -d)
xvfb_pid= console_pid=
cleanup() {
  [ -z "$console_pid" ] || kill -9 "$console_pid" 2>/dev/null || true
  [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
  dpkg -P trellis >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "check.sh: $*" >&2; exit 1; }
test "$(readlink /usr/bin/trellis)" = /opt/trellis/bin/trellis
echo "check.sh: installed $(du -sh /opt/trellis | cut -f1) in /opt/trellis"

# The class-data archive postinst trained with the installed runtime, and the launcher mapping it:
# with the archive, the JVM loads the console's classes from "shared objects file (top)".
[ -s /opt/trellis/lib/trellis.jsa ] || fail "postinst made no /opt/trellis/lib/trellis.jsa"
grep -q 'SharedArchiveFile=$APPDIR/../trellis.jsa' /opt/trellis/lib/app/trellis.cfg \
  || fail "the launcher's cfg does not name the archive"
echo "check.sh: archive $(du -h /opt/trellis/lib/trellis.jsa | cut -f1) (the console run below checks it is mapped)"
# The menu entry postinst installed (jpackage's xdg-desktop-menu), valid by the freedesktop.org
# rules, and the spec MIME type it registered: a *.trellis.json file is of that type and the type
# opens with the menu entry's app. xdg-mime asks the system's shared-mime-info and desktop-file
# databases as a person's desktop would; a throw-away HOME and XDG dirs keep anything of this
# machine's user out.
desktop=$(ls /usr/share/applications/trellis*.desktop 2>/dev/null || true)
[ "$(echo "$desktop" | grep -c .)" -eq 1 ] || fail "expected one trellis*.desktop in /usr/share/applications, found: $desktop"
desktop-file-validate "$desktop" || fail "desktop-file-validate found the above in $desktop"
grep -qx 'Exec=/opt/trellis/bin/trellis %F' "$desktop" || fail "$desktop does not start /opt/trellis/bin/trellis"
mkdir -p "$work/home" "$work/config" "$work/data"
xdg() { env -i PATH="$PATH" HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" xdg-mime "$@"; }
cp src/main/resources/trellis/templates/co-located.json "$work/orders.trellis.json"
type=$(xdg query filetype "$work/orders.trellis.json")
[ "$type" = application/x-trellis-spec+json ] || fail "xdg-mime: orders.trellis.json is '$type', not application/x-trellis-spec+json"
opener=$(xdg query default application/x-trellis-spec+json)
[ "$opener" = "$(basename "$desktop")" ] || fail "xdg-mime: application/x-trellis-spec+json opens with '$opener', not $(basename "$desktop")"
echo "check.sh: menu entry $desktop valid; orders.trellis.json is $type, opened by $opener"
cp src/main/resources/trellis/templates/co-located.json "$work/"
checkout=$PWD
cd "$work"   # nothing from the checkout on the way: the installed CLI only
out=$(trellis --version)
echo "$out"
[ "$(echo "$out" | head -1)" = "trellis $version" ] || fail "expected 'trellis $version'"
trellis validate co-located.json

# The console, from /usr/bin/trellis, on a display of its own.
n=99
while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n - 1)); done
Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do xwininfo -display ":$n" -root >/dev/null 2>&1 && break; sleep 0.2; done
xwininfo -display ":$n" -root >/dev/null 2>&1 || { cat "$work/xvfb.log"; fail "Xvfb :$n did not start"; }
console_start=$(date +%s%N)
# -Xlog:class+load shows where each class came from: "shared objects file (top)" is the archive.
env -u DOCKER_HOST JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$work/classes.log" DISPLAY=":$n" HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
  trellis >"$work/console.log" 2>&1 &
console_pid=$!
window=
for _ in $(seq 120); do   # 60 s at most
  # the Trellis window that is mapped (GTK also names an unmapped group leader after it)
  for id in $(xwininfo -display ":$n" -root -tree 2>/dev/null | awk '/"Trellis/ {print $1}'); do
    if xwininfo -display ":$n" -id "$id" 2>/dev/null | grep -q 'Map State: IsViewable'; then window=$id; fi
  done
  [ -n "$window" ] && break
  kill -0 "$console_pid" 2>/dev/null || { cat "$work/console.log"; fail "the console exited before its window showed"; }
  sleep 0.5
done
[ -n "$window" ] || { cat "$work/console.log"; fail "no Trellis window within 60 s"; }
echo "check.sh: console window $window after $(( ($(date +%s%N) - console_start) / 1000000 )) ms"
sleep 3   # its first frames: the window is mapped before it is painted
mkdir -p "$checkout/target/screenshots"
# the screen, cut to the window (no window manager: nothing covers it)
geometry=$(xwininfo -display ":$n" -id "$window" | awk '/Absolute upper-left X/ {x=$NF} /Absolute upper-left Y/ {y=$NF}
  /Width:/ {w=$NF} /Height:/ {h=$NF} END {printf "%dx%d+%d+%d", w, h, x, y}')
import -display ":$n" -window root -crop "$geometry" +repage "$checkout/target/screenshots/installed.png"
echo "check.sh: target/screenshots/installed.png ($(identify -format '%wx%h' "$checkout/target/screenshots/installed.png"))"
kill "$console_pid"
for _ in $(seq 20); do kill -0 "$console_pid" 2>/dev/null || break; sleep 0.5; done
kill -0 "$console_pid" 2>/dev/null && fail "the console outlived SIGTERM by 10 s"
wait "$console_pid" 2>/dev/null || true
console_pid=
left=$(pgrep -f '^/opt/trellis/' || true)
[ -z "$left" ] || { ps -fp "$left"; fail "processes of the installed app are left"; }
grep -i 'exception' "$work/console.log" && fail "the console logged an exception (above)"
archived=$(grep -c 'shared objects file (top)' "$work/classes.log" || true)
[ "$archived" -gt 1000 ] || fail "the installed console mapped $archived classes from /opt/trellis/lib/trellis.jsa"
echo "check.sh: the console loaded $archived of $(wc -l <"$work/classes.log") classes from the archive"
kill "$xvfb_pid"; wait "$xvfb_pid" 2>/dev/null || true
xvfb_pid=
cd "$checkout"

dpkg -r trellis >/dev/null
[ ! -e /usr/bin/trellis ] || fail "/usr/bin/trellis outlived the package"
[ ! -e /opt/trellis ] || { find /opt/trellis | head; fail "/opt/trellis outlived the package"; }
left=$(ls /usr/share/applications/trellis*.desktop /usr/share/mime/packages/trellis*.xml 2>/dev/null || true)
[ -z "$left" ] || fail "the menu entry or MIME type outlived the package: $left"
[ "$(xdg query filetype "$work/orders.trellis.json")" != application/x-trellis-spec+json ] \
  || fail "xdg-mime still knows application/x-trellis-spec+json after dpkg -r"
dpkg -P trellis >/dev/null
trap - EXIT
rm -rf "$work"
echo "check.sh: ok in $(( $(date +%s) - start )) s"
