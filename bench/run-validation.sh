#!/usr/bin/env bash
# Validation throughput: specs per second for the three examples -> bench/RESULTS.md
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile
CP=$(mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
java -cp "target/classes:target/test-classes:$CP" trellis.bench.ValidationBench ../shared bench/RESULTS.md
