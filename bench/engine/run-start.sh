#!/usr/bin/env bash
# Local engine benchmark (not part of the tests): time from an empty engine data folder to the
# co-located template's instance running, the image present and pulled from a registry on
# 127.0.0.1. Writes the "Local engine: time to running" section of bench/RESULTS.md.
# Needs a Docker engine with the stand-in image (`source .ci/docker.sh`) and /usr/bin/docker-registry.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -DskipTests test-compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" trellis.engine.local.bench.TimeToRunningBench bench/RESULTS.md
