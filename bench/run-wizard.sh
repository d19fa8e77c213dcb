#!/usr/bin/env bash
# Add Service wizard: open -> first page shown, and the FX-thread time of one keystroke's
# validation on the largest template -> the "wizard" section of bench/RESULTS.md
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP=$(cat target/bench.classpath)
java -Xmx512m -cp "target/classes:target/test-classes:$CP" -Dglass.platform=Monocle -Dmonocle.platform=Headless \
  -Dprism.order=sw -Dprism.text=t2k -Dheadless.geometry=1920x1200-32 \
  trellis.bench.WizardBench bench/RESULTS.md --fresh
