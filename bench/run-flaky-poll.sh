#!/usr/bin/env bash
# The console polling a flaky Control Plane (one request in eight fails) for SECONDS (default 600):
# pauses after single failures and the banner's retry time -> the "flaky-poll" section of bench/RESULTS.md
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-600}
mvn -q -B -DskipTests test-compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP=$(cat target/bench.classpath)
java -cp "target/classes:target/test-classes:$CP" -Dglass.platform=Monocle -Dmonocle.platform=Headless \
  -Dprism.order=sw -Dprism.text=t2k -Dheadless.geometry=1920x1200-32 \
  trellis.ui.FlakyPolling "$SECONDS_TO_RUN" bench/RESULTS.md
