#!/usr/bin/env bash
# The graph's goals of issue 14 (5,000-instance first layout and paint, cold and warm; a poll
# changing 1,000 states; heap; a drag step and a drag start over 1,000 instances)
# -> the "graph" section of bench/RESULTS.md (GRAPH_QUICK=1: no fresh JVMs, prints each measure's split, writes nothing)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP=$(cat target/bench.classpath)
# the compiler settings ./trellis starts the console with, for this JVM and the fresh ones alike
JIT=$(sed -n 's/^jit="\(.*\)"$/\1/p' trellis)
java $JIT -Xmx512m -cp "target/classes:target/test-classes:$CP" -Dglass.platform=Monocle -Dmonocle.platform=Headless \
  -Dprism.order=sw -Dprism.text=t2k -Dheadless.geometry=1920x1200-32 -Dbench.childOpts="$JIT -Xmx512m" \
  trellis.ui.graph.GraphBench bench/RESULTS.md
