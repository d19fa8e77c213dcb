#!/usr/bin/env bash
# Local engine: 50 instances applied at once vs plain docker run; monitor delay -> bench/RESULTS.md
# Needs a Docker engine: `source .ci/docker.sh` starts one and builds the stand-in image.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP=$(cat target/bench.classpath)
java -cp "target/classes:target/test-classes:$CP" trellis.bench.EngineBench bench/RESULTS.md
