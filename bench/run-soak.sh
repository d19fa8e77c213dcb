#!/usr/bin/env bash
# The console polling a faulty Control Plane (drops, stalls, 500s, malformed JSON) for POLLS polls
# (default 10,000) of a 100-instance database: heap after GC at the start and the end, the longest
# FX-thread pause, requests in flight per database -> the "soak" section of bench/RESULTS.md
set -euo pipefail
cd "$(dirname "$0")/.."
POLLS=${1:-10000}
FAULT_EVERY=${2:-100}
mvn -q -B -DskipTests test-compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP=$(cat target/bench.classpath)
java -Xmx256m -cp "target/classes:target/test-classes:$CP" -Dglass.platform=Monocle -Dmonocle.platform=Headless \
  -Dprism.order=sw -Dprism.text=t2k -Dheadless.geometry=1920x1200-32 \
  trellis.ui.SoakPolling "$POLLS" "$FAULT_EVERY" bench/RESULTS.md
