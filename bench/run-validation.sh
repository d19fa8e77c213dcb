#!/usr/bin/env bash
# Validation throughput: specs per second for the three examples -> bench/RESULTS.md
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP=$(cat target/bench.classpath)
java -cp "target/classes:target/test-classes:$CP" trellis.bench.ValidationBench src/main/resources/trellis/templates bench/RESULTS.md
