#!/usr/bin/env bash
# The installed app's size and start-up -> the "installer" section of bench/RESULTS.md.
# Root on Debian/Ubuntu: installs target/installer/*.deb with apt (SKIP_BUILD=1 uses the one there,
# else mvn -Pinstaller package makes it), measures, and purges it again.
#
# Time to first frame is measured as bench/run-console.sh measures it (ConsoleBench's first-frame
# child: from JVM start to the first pulse after the window shows, headless Monocle), but with the
# installed runtime (/opt/trellis/lib/runtime/bin/java), the installed jar and the JVM options the
# installed launcher passes (read from /opt/trellis/lib/app/trellis.cfg, so with postinst's
# class-data archive). The console has no hook that prints its own first frame; ConsoleBench's
# class (target/test-classes) is added after the jar on the class path, as the archive allows.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-7}   # runs of each kind, alternated; the medians are reported
[ -n "${SKIP_BUILD:-}" ] || mvn -B -q -Pinstaller -DskipTests package
[ -f target/test-classes/trellis/bench/ConsoleBench.class ] || mvn -B -q -DskipTests test-compile
if dpkg -s trellis >/dev/null 2>&1; then
  echo "run-installed.sh: a trellis package is installed already; remove it first (dpkg -r trellis)" >&2
  exit 1
fi
deb=$(ls target/installer/trellis_*.deb)
DEBIAN_FRONTEND=noninteractive apt-get install -y -q "./$deb" >target/installer/apt.log 2>&1 \
  || { cat target/installer/apt.log; exit 1; }
tmp=$(mktemp -d)
trap 'dpkg -P trellis >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT

deb_mb=$(awk -v b="$(stat -c %s "$deb")" 'BEGIN { printf "%.1f", b / 1e6 }')
installed_mb=$(du -sm /opt/trellis | cut -f1)
jsa_mb=$(du -sm /opt/trellis/lib/trellis.jsa 2>/dev/null | cut -f1 || echo 0)
base_mb=$(du -sm /opt/trellis/lib/runtime/lib/server/classes.jsa 2>/dev/null | cut -f1 || echo 0)

java=/opt/trellis/lib/runtime/bin/java
# the launcher's java-options, $APPDIR as the launcher expands it
read -r -a launcher_opts <<<"$(sed -n 's/^java-options=//p' /opt/trellis/lib/app/trellis.cfg \
  | sed 's|\$APPDIR|/opt/trellis/lib/app|g' | paste -sd' ')"
no_archive=()
for o in "${launcher_opts[@]}"; do case "$o" in -XX:SharedArchiveFile=*) ;; *) no_archive+=("$o") ;; esac; done
echo "launcher options: ${launcher_opts[*]}"

first_frame() {   # what, JVM options...
  local what=$1; shift
  HOME="$tmp" XDG_CONFIG_HOME="$tmp" XDG_DATA_HOME="$tmp" env -u DOCKER_HOST "$java" "$@" \
    -cp "/opt/trellis/lib/app/trellis.jar:$PWD/target/test-classes" \
    -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k \
    -Dheadless.geometry=1920x1200-32 -Dtrellis.settings="$tmp/bench.properties" \
    trellis.bench.ConsoleBench first-frame "$what" 2>&1 | sed -n 's/^\(FIRST\|CONSOLE\)_FRAME_MS=//p' | paste -sd' '
}
# the median of a column (1: the first frame; 2: the console's own frame, built after it)
median() { awk -v c="${1:-1}" '{ print $c }' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
: >"$tmp/minimal" ; : >"$tmp/minimal-plain"; : >"$tmp/console"; : >"$tmp/console-no-archive"
for i in $(seq "$N"); do   # interleaved, so a busy moment on the machine hits all alike
  first_frame minimal "${launcher_opts[@]}" >>"$tmp/minimal"
  first_frame minimal >>"$tmp/minimal-plain"
  first_frame console "${launcher_opts[@]}" >>"$tmp/console"
  first_frame console "${no_archive[@]}" >>"$tmp/console-no-archive"
  echo "run $i: minimal $(tail -1 "$tmp/minimal") ms, minimal plain $(tail -1 "$tmp/minimal-plain") ms," \
    "console $(tail -1 "$tmp/console") ms, console without archive $(tail -1 "$tmp/console-no-archive") ms"
done
for f in minimal minimal-plain console console-no-archive; do
  [ "$(wc -l <"$tmp/$f")" -eq "$N" ] || { echo "run-installed.sh: $f: a run gave no first frame" >&2; exit 1; }
done
# Where the console's start-up goes, from one more run with the launcher's options: the classes it
# loads from the archive against those it still reads from the jar or the runtime's modules
# (read, verified, linked at every start), and where JavaFX loads its natives from.
first_frame console "${launcher_opts[@]}" -Xlog:class+load=info:file="$tmp/classes.log" -Djavafx.verbose=true >/dev/null
HOME="$tmp" XDG_CONFIG_HOME="$tmp" XDG_DATA_HOME="$tmp" env -u DOCKER_HOST "$java" "${launcher_opts[@]}" -Djavafx.verbose=true \
  -cp "/opt/trellis/lib/app/trellis.jar:$PWD/target/test-classes" \
  -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k \
  -Dheadless.geometry=1920x1200-32 -Dtrellis.settings="$tmp/bench.properties" \
  trellis.bench.ConsoleBench first-frame console 2>&1 | grep -i 'loaded.*\.so\|load.*library' >"$tmp/natives.log" || true
archived=$(grep -c 'shared objects file' "$tmp/classes.log" || true)
from_jar=$(grep -c 'source: file:/opt/trellis/lib/app/trellis.jar' "$tmp/classes.log" || true)
from_jrt=$(grep -c 'source: jrt:/' "$tmp/classes.log" || true)
other=$(( $(wc -l <"$tmp/classes.log") - archived - from_jar - from_jrt ))
echo "classes: $archived from the archive, $from_jar from the jar, $from_jrt from the runtime's modules, $other else (generated, the bench's own)"
natives=$(sed 's/^/    /' "$tmp/natives.log" | head -12)
echo "JavaFX natives:"; echo "$natives"
minimal=$(median <"$tmp/minimal")
minimal_plain=$(median <"$tmp/minimal-plain")
console=$(median <"$tmp/console")
console_no=$(median <"$tmp/console-no-archive")
console_built=$(median 2 <"$tmp/console")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

section=$(cat <<MD
<!-- installer:start -->
## Installer (the .deb, installed)

Measured $(date -u +%Y-%m-%d) by \`bench/run-installed.sh\` ($(nproc) cores, $(basename "$deb"), N=$N; medians).
Time to first frame as in the console section (ConsoleBench's first-frame child, headless Monocle),
with the installed runtime and jar and the installed launcher's JVM options
(\`${launcher_opts[*]}\`), so with the class-data archive postinst trains. The console's window
shows first its first frame (trellis.ui.FirstFrame: the console's layout in 27 plain nodes, "Opening the
console…"), and the console is built into the same window in the event after it; both times are given.

| | goal | result |
|---|---|---|
| .deb | — | ${deb_mb} MB |
| installed (\`du -sm /opt/trellis\`, with the archives postinst makes) | — | ${installed_mb} MB (\`lib/trellis.jsa\` ${jsa_mb} MB, the runtime's base archive ${base_mb} MB) |
| time to first frame, minimal JavaFX window started the same way: installed runtime, the launcher's options (its classes in the archive too) | — | ${minimal} ms |
| time to first frame, installed console with the launcher's options (postinst's archive, client compiler): its first frame, the window's layout in plain nodes | within 1.3x of minimal | ${console} ms ($(ratio "$console" "$minimal")x) |
| time to the console's own frame, built into that window in the event after its first frame | — | ${console_built} ms ($(ratio "$console_built" "$minimal")x) |
| time to first frame, minimal JavaFX window, installed runtime, no options | — | ${minimal_plain} ms (the console's first frame: $(ratio "$console" "$minimal_plain")x) |
| time to first frame, installed console without \`lib/trellis.jsa\` (the runtime's base archive only) | — | ${console_no} ms ($(ratio "$console_no" "$minimal")x) |

Runs, alternated (ms): minimal with the launcher's options $(awk '{ print $1 }' "$tmp/minimal" | paste -sd' ');
console, first frame / own frame $(awk '{ print $1 "/" $2 }' "$tmp/console" | paste -sd' ').
The console's classes in one run with the launcher's options: ${archived} from \`lib/trellis.jsa\`,
${from_jar} read from the jar, ${from_jrt} from the runtime's modules, ${other} else (generated
classes, the bench's own). JavaFX's natives (\`-Djavafx.verbose=true\`):

\`\`\`
${natives}
\`\`\`
<!-- installer:end -->
MD
)
if grep -q '<!-- installer:start -->' bench/RESULTS.md; then
  SECTION="$section" python3 - <<'PY'
import os, re
p = 'bench/RESULTS.md'
s = open(p).read()
s = re.sub(r'<!-- installer:start -->.*?<!-- installer:end -->', lambda m: os.environ['SECTION'], s, flags=re.S)
open(p, 'w').write(s)
PY
else
  printf '\n%s\n' "$section" >>bench/RESULTS.md
fi
echo "$section"
