#!/usr/bin/env bash
# Regenerates installer/modules.txt, the Java modules of the installer's trimmed runtime:
#   mvn -q -B -DskipTests package && installer/modules.sh
# jdeps names what the classes of the fat jar refer to (a reduced list: jlink adds what those need);
# the extras below are loaded as services or by name, which jdeps cannot see.
set -euo pipefail
cd "$(dirname "$0")/.."
found=$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 target/trellis.jar)
{
  echo "# The runtime's modules, read by installer/build.sh. Regenerate: installer/modules.sh (after a package)."
  echo "# From jdeps on target/trellis.jar:"
  echo "$found" | tr ',' '\n'
  echo "# Not visible to jdeps: EC keys for TLS (Control Plane, Docker over TLS), locale data, extra charsets, zip file systems"
  printf '%s\n' jdk.crypto.ec jdk.localedata jdk.charsets jdk.zipfs
} > installer/modules.txt
cat installer/modules.txt
