#!/usr/bin/env bash
# Builds the workstation installer with the JDK's jpackage. Output in target/installer/.
#
#   mvn -B -Pinstaller package      the usual way: builds the jar, then runs this with the pom's version
#   installer/build.sh              the same by hand (builds the jar, reads the version Maven wrote)
#   installer/build.sh 1.2.3        the jar is already built; package it as version 1.2.3
#
# TYPE (or -Dinstaller.type) picks the package; the default (auto) is the system's own:
#   Linux    deb         (here, and checked by installer/check.sh)
#   Windows  msi         (Git Bash; jpackage needs WiX 3 on PATH)
#   macOS    dmg
#   any      app-image   (a folder that runs in place)
# Only the .deb is built and checked on this project's CI; .github/workflows/installers.yml builds
# the .msi and .dmg with this script where GitHub's Windows and macOS runners exist.
#
# The runtime's modules are listed in installer/modules.txt (installer/modules.sh regenerates it).
# Sizes and what ships: installer/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
case "$(uname -s)" in
  Linux) OS=linux ;;
  Darwin) OS=mac ;;
  MINGW*|MSYS*|CYGWIN*) OS=windows ;;
  *) echo "build.sh: no installer for $(uname -s)" >&2; exit 1 ;;
esac
case "$OS" in linux) default_type=deb ;; windows) default_type=msi ;; mac) default_type=dmg ;; esac
TYPE=${TYPE:-auto}
[ "$TYPE" != auto ] || TYPE=$default_type
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
if [ "$OS" = linux ]; then
  # The jar carries sqlite-jdbc's and JNA's natives for every OS; the .deb is for linux-x86_64 only,
  # so the others are left out of its copy (about 23 MB unpacked; target/trellis.jar stays portable).
  zip -q -d target/installer/input/trellis.jar \
    'org/sqlite/native/Windows/*' 'org/sqlite/native/Mac/*' 'org/sqlite/native/FreeBSD/*' \
    'org/sqlite/native/Linux-Musl/*' 'org/sqlite/native/Linux-Android/*' \
    'org/sqlite/native/Linux/aarch64/*' 'org/sqlite/native/Linux/arm*' 'org/sqlite/native/Linux/ppc64/*' \
    'org/sqlite/native/Linux/riscv64/*' 'org/sqlite/native/Linux/x86/*' \
    'com/sun/jna/win32-*' 'com/sun/jna/darwin-*' 'com/sun/jna/freebsd-*' 'com/sun/jna/openbsd-*' \
    'com/sun/jna/sunos-*' 'com/sun/jna/aix-*' 'com/sun/jna/dragonflybsd-*' \
    'com/sun/jna/linux-a*' 'com/sun/jna/linux-l*' 'com/sun/jna/linux-m*' 'com/sun/jna/linux-p*' \
    'com/sun/jna/linux-r*' 'com/sun/jna/linux-s*' 'com/sun/jna/linux-x86/*' || true
  # JavaFX's natives (lib*.so at the jar's root) go beside the jar, where JavaFX looks first: from
  # inside the jar it copies them to ~/.openjfx/cache on a person's first start and checks that
  # copy on every start after.
  unpacked=target/installer/unpacked
  mkdir -p "$unpacked"
  (cd "$unpacked" && unzip -q ../input/trellis.jar)
  mv "$unpacked"/lib*.so target/installer/input/
  # The jar is stored, not deflated: the .deb compresses its data with xz, which packs the classes
  # far better than the jar's deflate could (the .deb 16 MB smaller, the jar 42 MB bigger
  # installed; installer/README.md). The manifest goes first, as a jar's does.
  rm target/installer/input/trellis.jar
  (cd "$unpacked" && zip -q -0 -X ../input/trellis.jar META-INF/MANIFEST.MF \
     && zip -q -0 -X -r ../input/trellis.jar . -x META-INF/MANIFEST.MF)
  rm -rf "$unpacked"
  cp installer/trellis-spec-mime.xml target/installer/input/
  # Two of the shipped templates for postinst's training run of the class-data archive (as the
  # pom's startup-archive execution trains target/trellis.jsa); jpackage copies them to
  # lib/app/training/.
  mkdir -p target/installer/input/training
  cp src/main/resources/trellis/templates/multiple-instances.json \
     src/main/resources/trellis/templates/co-located.json target/installer/input/training/
  # jpackage's own postinst/prerm/desktop templates, with the /usr/bin/trellis link and the spec
  # MIME type added (jpackage still fills in its DESKTOP_COMMANDS_* and APPLICATION_* words).
  cp installer/resources/* target/installer/resources/
fi
# The compiler and collector options of ./trellis's jit= line (why: see that script), read from it as
# bench/run-console.sh does, so the installed app starts as the checkout does.
JIT=$(sed -n 's/^jit="\(.*\)"$/\1/p' trellis)
# The class-data archive the .deb's postinst trains with the installed runtime
# (/opt/trellis/lib/trellis.jsa; on Java 17 only the runtime that made it can map it). jpackage
# writes $APPDIR into the launcher's cfg as is and the launcher expands it to /opt/trellis/lib/app.
# A JVM that finds no archive, or one it cannot use, starts without it; the -Xlog options keep it
# quiet about that. The other packages have no install-time step that could train one.
CDS=
[ "$TYPE" != deb ] || CDS='-XX:SharedArchiveFile=$APPDIR/../trellis.jsa -Xlog:cds=off -Xlog:cds+dynamic=off'
# The console speaks English; these locales keep dates and numbers formatted as a person's desktop
# expects in the common ones. All of jdk.localedata would add 22 MB to the runtime.
LOCALES=en,de,fr,es,it,pt,nl,sv,da,nb,fi,pl,cs,ru,ja,zh,ko
# Not --strip-native-commands: postinst trains the class-data archive with the runtime's own
# bin/java (the launcher runs only trellis.Launcher); the commands are about 100 KB.
MODULES=$(grep -v '^#' installer/modules.txt | grep . | paste -sd, -)
# What differs by system: the icon's format, and the menu, shortcut and command-line parts.
case "$OS" in
  linux)
    icon=installer/trellis.png
    system_opts=()
    [ "$TYPE" != deb ] || system_opts=(--linux-shortcut --linux-menu-group Development
      --linux-package-deps libgtk-3-0 --linux-app-release "$RELEASE"
      --linux-deb-maintainer trellis@localhost --about-url https://github.com/pgEdge) ;;
  windows)
    # Start menu and desktop shortcuts for the console; a second launcher, trellis-cli.exe, is a
    # console program for the CLI (Windows starts the GUI launcher without a console).
    icon=installer/icons/trellis.ico
    system_opts=(--add-launcher trellis-cli=installer/windows-cli.properties)
    [ "$TYPE" = app-image ] || system_opts+=(--win-menu --win-menu-group Trellis --win-shortcut
      --win-dir-chooser --win-upgrade-uuid 6f1b7f0e-3c55-4d1e-9a56-0c2b7f3a9e11) ;;
  mac)
    # jpackage on macOS takes no 0.x version (CFBundleVersion's first number must be > 0): a 0.x
    # build is bundle version 1.minor.patch; `trellis --version` and About show the pom's version,
    # and the .dmg is renamed to it below.
    icon=installer/icons/trellis.icns
    [ "${APP_VERSION%%.*}" != 0 ] || APP_VERSION=1.${APP_VERSION#*.}
    system_opts=(--mac-package-identifier org.pgedge.trellis --mac-package-name Trellis) ;;
esac
jpackage ${JPACKAGE_OPTS:-} --type "$TYPE" --name trellis --app-version "$APP_VERSION" \
  --vendor "Trellis" --description "Console for the supporting services of pgEdge databases" \
  --input target/installer/input --main-jar trellis.jar --main-class trellis.Launcher \
  --icon "$icon" --add-modules "$MODULES" \
  --jlink-options "--strip-debug --no-header-files --no-man-pages --include-locales=$LOCALES" \
  --java-options "-Xmx1g $JIT $CDS" --dest target/installer --resource-dir target/installer/resources \
  ${system_opts[@]+"${system_opts[@]}"}
if [ "$OS" = mac ] && [ "$TYPE" = dmg ]; then
  mv target/installer/trellis-"$APP_VERSION".dmg target/installer/trellis-"$VERSION".dmg
fi
ls -la target/installer
