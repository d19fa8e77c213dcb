#!/usr/bin/env bash
# Builds the workstation installer with the JDK's jpackage: a .deb by default (TYPE=app-image for a
# folder that runs in place). Output in target/installer/.
#
#   mvn -B -Pinstaller package      the usual way: builds the jar, then runs this with the pom's version
#   installer/build.sh              the same by hand (builds the jar, reads the version Maven wrote)
#   installer/build.sh 1.2.3        the jar is already built; package it as version 1.2.3
#
# The runtime's modules are listed in installer/modules.txt (installer/modules.sh regenerates it).
# Sizes and what ships: installer/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
TYPE=${TYPE:-deb}
VERSION=${1:-}
if [ -z "$VERSION" ]; then
  mvn -q -B -DskipTests package
  VERSION=$(sed -n 's/^version=//p' target/classes/trellis/version.properties)
fi
[ -f target/trellis.jar ] || { echo "build.sh: target/trellis.jar is missing (mvn package first)" >&2; exit 1; }
# jpackage takes dotted numbers only: 0.1.0-SNAPSHOT is version 0.1.0, Debian revision 0~snapshot,
# which sorts before the release's revision 1.
APP_VERSION=${VERSION%%-*}
case "$VERSION" in *-SNAPSHOT) RELEASE=0~snapshot ;; *) RELEASE=1 ;; esac

rm -rf target/installer && mkdir -p target/installer/input target/installer/resources
cp target/trellis.jar target/installer/input/
# The jar carries sqlite-jdbc's and JNA's natives for every OS; the .deb is for linux-x86_64 only, so
# the others are left out of its copy (about 23 MB unpacked; the jar itself stays portable).
zip -q -d target/installer/input/trellis.jar \
  'org/sqlite/native/Windows/*' 'org/sqlite/native/Mac/*' 'org/sqlite/native/FreeBSD/*' \
  'org/sqlite/native/Linux-Musl/*' 'org/sqlite/native/Linux-Android/*' \
  'org/sqlite/native/Linux/aarch64/*' 'org/sqlite/native/Linux/arm*' 'org/sqlite/native/Linux/ppc64/*' \
  'org/sqlite/native/Linux/riscv64/*' 'org/sqlite/native/Linux/x86/*' \
  'com/sun/jna/win32-*' 'com/sun/jna/darwin-*' 'com/sun/jna/freebsd-*' 'com/sun/jna/openbsd-*' \
  'com/sun/jna/sunos-*' 'com/sun/jna/aix-*' 'com/sun/jna/dragonflybsd-*' \
  'com/sun/jna/linux-a*' 'com/sun/jna/linux-l*' 'com/sun/jna/linux-m*' 'com/sun/jna/linux-p*' \
  'com/sun/jna/linux-r*' 'com/sun/jna/linux-s*' 'com/sun/jna/linux-x86/*' || true
cp installer/trellis-spec-mime.xml target/installer/input/
# Two of the shipped templates for postinst's training run of the class-data archive (as the pom's
# startup-archive execution trains target/trellis.jsa); jpackage copies them to lib/app/training/.
mkdir -p target/installer/input/training
cp src/main/resources/trellis/templates/multiple-instances.json \
   src/main/resources/trellis/templates/co-located.json target/installer/input/training/
# jpackage's own postinst/prerm/desktop templates, with the /usr/bin/trellis link and the spec MIME
# type added (jpackage still fills in its DESKTOP_COMMANDS_* and APPLICATION_* words).
cp installer/resources/* target/installer/resources/
# The compiler options of ./trellis's jit= line (why: see that script), read from it as
# bench/run-console.sh does, so the installed app starts as the checkout does.
JIT=$(sed -n 's/^jit="\(.*\)"$/\1/p' trellis)
# The class-data archive postinst trains with the installed runtime (/opt/trellis/lib/trellis.jsa;
# on Java 17 only the runtime that made it can map it). jpackage writes $APPDIR into the launcher's
# cfg as is and the launcher expands it to /opt/trellis/lib/app. A JVM that finds no archive, or
# one it cannot use, starts without it; the -Xlog options keep it quiet about that.
CDS='-XX:SharedArchiveFile=$APPDIR/../trellis.jsa -Xlog:cds=off -Xlog:cds+dynamic=off'
# The console speaks English; these locales keep dates and numbers formatted as a person's desktop
# expects in the common ones. All of jdk.localedata would add 22 MB to the runtime.
LOCALES=en,de,fr,es,it,pt,nl,sv,da,nb,fi,pl,cs,ru,ja,zh,ko
# Not --strip-native-commands: postinst trains the class-data archive with the runtime's own
# bin/java (the launcher runs only trellis.Launcher); the commands are about 100 KB.
MODULES=$(grep -v '^#' installer/modules.txt | grep . | paste -sd, -)
# shellcheck disable=SC2046 # the deb-only options are a word list
jpackage ${JPACKAGE_OPTS:-} --type "$TYPE" --name trellis --app-version "$APP_VERSION" \
  --vendor "Trellis" --description "Console for the supporting services of pgEdge databases" \
  --input target/installer/input --main-jar trellis.jar --main-class trellis.Launcher \
  --icon installer/trellis.png --add-modules "$MODULES" \
  --jlink-options "--strip-debug --no-header-files --no-man-pages --include-locales=$LOCALES" \
  --java-options "-Xmx1g $JIT $CDS" --dest target/installer --resource-dir target/installer/resources \
  $( [ "$TYPE" = deb ] && echo --linux-shortcut --linux-menu-group Development --linux-package-deps libgtk-3-0 \
       --linux-app-release "$RELEASE" --linux-deb-maintainer trellis@localhost --about-url https://github.com/pgEdge )
ls -la target/installer
