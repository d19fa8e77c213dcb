#!/usr/bin/env bash
# Console speed and memory (first frame vs a minimal JavaFX window; 1,000-instance layout,
# 100-state poll, heap) -> the "console" section of bench/RESULTS.md
set -euo pipefail
cd "$(dirname "$0")/.."
# the shipped jar and its class-data archive (target/trellis.jar, target/trellis.jsa), as ./trellis uses them
mvn -q -B -DskipTests package
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP=$(cat target/bench.classpath)
# the JVM options ./trellis adds: its class-data archive and its jit= line. The graph figures are
# measured under the same compiler settings, so the start-up choice shows its cost there too.
JIT=$(sed -n 's/^jit="\(.*\)"$/\1/p' trellis)
OPTS="-XX:SharedArchiveFile=$PWD/target/trellis.jsa -Xlog:cds=off -Xlog:cds+dynamic=off $JIT"
java $JIT -Xmx512m -cp "target/classes:target/test-classes:$CP" -Dglass.platform=Monocle -Dmonocle.platform=Headless \
  -Dprism.order=sw -Dprism.text=t2k -Dheadless.geometry=1920x1200-32 \
  -Dbench.appCp="$PWD/target/trellis.jar:$PWD/target/test-classes" -Dbench.consoleOpts="$OPTS" \
  trellis.bench.ConsoleBench bench/RESULTS.md
