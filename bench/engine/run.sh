#!/usr/bin/env bash
# Local engine benchmark (not part of the tests): 50 instances applied at once vs plain
# `docker run` of 50 in the same run, and the monitor's delay from Docker's health verdict to the
# instance's state, both ways. Writes the "Local engine" section of bench/RESULTS.md.
# Needs a Docker engine and the stand-in image: `source .ci/docker.sh` gives both.
# `bench/engine/run.sh -` prints each side's phases (Docker's create/start/healthy events, the task log) and
# writes nothing; the two sides alternate 3 times (BENCH_JAVA_OPTS=-Dbench.rounds=N for another count), each side's median reported.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -DskipTests test-compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java ${BENCH_JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" trellis.engine.local.bench.LocalEngineBench "${1:-bench/RESULTS.md}"
