#!/usr/bin/env bash
# The console polling a faulty Control Plane (drops, stalls, 500s, malformed JSON) for POLLS measured polls
# (default 10,000; a warm-up of a tenth more, at least 300, comes first and is not measured) of a
# 100-instance database: heap after GC at the start and the end, the longest FX-thread pause and whether it
# was a GC pause, requests in flight per database -> the "soak" section of OUT (default bench/RESULTS.md).
# With HISTOGRAMS (a folder), the class histograms at the start and the end of the measure are written there.
# An idle process beside it (SoakTicker) tells the machine's own stalls from the console's. To see what the FX
# thread and the renderer were doing in each stall: SOAK_JAVA_OPTS=-Dsoak.stalls=true (samples their stacks; stdout).
set -euo pipefail
cd "$(dirname "$0")/.."
POLLS=${1:-10000}
FAULT_EVERY=${2:-100}
OUT=${3:-bench/RESULTS.md}
HISTOGRAMS=${4:-}
mvn -q -B -DskipTests test-compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP=$(cat target/bench.classpath)
# the console's JVM options: the jit= line of ./trellis (SOAK_JAVA_OPTS, added last, can override it)
JIT=$(sed -n 's/^jit="\(.*\)"$/\1/p' trellis)
# shellcheck disable=SC2086 # the option strings are word lists
java -Xmx256m $JIT ${SOAK_JAVA_OPTS:-} -cp "target/classes:target/test-classes:$CP" -Dglass.platform=Monocle -Dmonocle.platform=Headless \
  -Dprism.order=sw -Dprism.text=t2k -Dheadless.geometry=1920x1200-32 \
  trellis.ui.SoakPolling "$POLLS" "$FAULT_EVERY" "$OUT" $HISTOGRAMS
