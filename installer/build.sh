#!/usr/bin/env bash
# Builds a workstation installer with the JDK's jpackage: a .deb by default (TYPE=app-image for a
# folder that runs in place). Output in target/installer/.
set -euo pipefail
cd "$(dirname "$0")/.."
TYPE=${TYPE:-deb}
mvn -q -B -DskipTests package
rm -rf target/installer && mkdir -p target/installer/input
cp target/trellis.jar target/installer/input/
# The compiler options of ./trellis's jit= line (why: see that script), read from it as
# bench/run-console.sh does, so the installed app starts as the checkout does.
JIT=$(sed -n 's/^jit="\(.*\)"$/\1/p' trellis)
# The modules the app uses (jdeps on the fat jar names them); a trimmed runtime is a third of a full one.
MODULES=java.base,java.desktop,java.logging,java.naming,java.net.http,java.prefs,java.scripting,java.sql,java.xml,jdk.httpserver,jdk.unsupported,jdk.crypto.ec,jdk.localedata,jdk.jsobject,jdk.xml.dom
jpackage --type "$TYPE" --name trellis --app-version 0.1.0 \
  --vendor "Trellis" --description "Console for the supporting services of pgEdge databases" \
  --input target/installer/input --main-jar trellis.jar --main-class trellis.Launcher \
  --icon installer/trellis.png --add-modules "$MODULES" \
  --java-options "-Xmx1g $JIT" --dest target/installer \
  $( [ "$TYPE" = deb ] && echo --linux-shortcut --linux-menu-group Development --linux-package-deps libgtk-3-0 )
ls -la target/installer
