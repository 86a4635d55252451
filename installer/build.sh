#!/usr/bin/env bash
# Builds Hanout's installers with jpackage into target/installer/:
#   installer/build.sh deb        hanout_VERSION_amd64.deb (Debian/Ubuntu; needs fakeroot, dpkg-deb,
#                                 and a display or xvfb-run for the AppCDS class list)
#   installer/build.sh app-image  hanout/ (a folder to run in place: hanout/bin/hanout)
#   installer/build.sh msi        hanout-VERSION.msi (on Windows, needs WiX 3)
#   installer/build.sh dmg        hanout-VERSION.dmg (on macOS)
# Uses target/hanout.jar (built with ./mvnw package when missing; HANOUT_JAR=... for another) and
# the JDK of JAVA_HOME, else the one on the PATH (17 or newer, with jpackage). See installer/README.md.
set -euo pipefail

type="${1:-}"
case "$type" in
  deb|app-image|msi|dmg) ;;
  *) echo "usage: installer/build.sh deb|app-image|msi|dmg" >&2; exit 2 ;;
esac

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bin="${JAVA_HOME:+$JAVA_HOME/bin/}"
out="$root/target/installer"
jar="${HANOUT_JAR:-$root/target/hanout.jar}"

# the project's version, without -SNAPSHOT: jpackage (and Windows) want digits and dots
version="$(sed -n '/<artifactId>hanout<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q}' pom.xml)"
version="${version%-SNAPSHOT}"
[ -n "$version" ] || { echo "build.sh: no version found in pom.xml" >&2; exit 1; }

if [ ! -f "$jar" ]; then
  echo "build.sh: building $jar"
  ./mvnw -B -q package -DskipTests
fi

# the JVM options of the desktop app, one per line in the jar's resource (see the file's header)
options=()
while IFS= read -r line; do
  line="${line%%#*}"; line="$(echo "$line" | xargs)"
  [ -n "$line" ] && options+=("$line")
done < "$root/src/main/resources/ma/hanout/desktop-jvm.options"

rm -rf "$out/input" "$out/runtime" "$out/hanout" "$out/tmp"
mkdir -p "$out/input"
cp "$jar" "$out/input/hanout.jar"

# A runtime with only the modules the jar uses. jdeps finds the code's own; added by hand: those
# reached through services or locales, which jdeps cannot see (TLS with elliptic curves for the API,
# the Arabic and French number and date formats, the printers' code pages).
modules="$("${bin}jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 -q "$out/input/hanout.jar")"
modules="$modules,jdk.crypto.ec,jdk.localedata,jdk.charsets"
echo "build.sh: runtime modules $modules"
# --generate-cds-archive: the runtime's own class-data sharing archive (a jlinked runtime has
# none otherwise, and every start would load the JDK's classes one by one)
"${bin}jlink" --add-modules "$modules" --include-locales=en,fr,ar,es \
  --strip-debug --no-header-files --no-man-pages --generate-cds-archive --output "$out/runtime"
# the archive for 32 GB+ heaps (no compressed pointers): never used with the heap cap
rm -f "$out/runtime/lib/server/classes_nocoops.jsa"

icon_dir="$root/assets/icon"

# The classes one start loads, for the .deb's AppCDS archive (made by postinst): the app is started
# once with the runtime just built, in a new demo data folder, and closes itself once a sale can be
# made (-Dhanout.exitWhenReady). Needs a display: Xvfb's when there is none.
make_classlist() {
  local home list="$out/input/hanout.classlist"
  home="$(mktemp -d)"
  local cmd=(env GDK_GL=disable "$out/runtime/bin/java" "${options[@]}" "-XX:DumpLoadedClassList=$list"
             -Dhanout.exitWhenReady=true -cp "$out/input/hanout.jar" ma.hanout.Main --home "$home" --lang fr)
  if [ -z "${DISPLAY:-}" ]; then
    command -v xvfb-run >/dev/null || { echo "build.sh: no display and no xvfb-run: no AppCDS class list" >&2; return 0; }
    cmd=(xvfb-run -a "${cmd[@]}")
  fi
  if timeout 300 "${cmd[@]}" >"$out/classlist.log" 2>&1 && [ -s "$list" ]; then
    echo "build.sh: AppCDS class list of $(wc -l < "$list") classes"
  else
    echo "build.sh: the app did not start for the class list (see $out/classlist.log): no AppCDS archive" >&2
    rm -f "$list"
  fi
  rm -rf "$home"
}
common=(
  --name hanout
  --app-version "$version"
  --vendor "Hanout"
  --description "Recharges mobiles au comptoir (Orange, Inwi, Maroc Telecom)"
  --copyright "Hanout"
  --input "$out/input"
  --main-jar hanout.jar
  --main-class ma.hanout.Main
  --runtime-image "$out/runtime"
  --dest "$out"
  --temp "$out/tmp"
)
for o in "${options[@]}"; do common+=(--java-options "$o"); done

case "$type" in
  app-image)
    "${bin}jpackage" --type app-image "${common[@]}" --icon "$icon_dir/hanout-256.png"
    ;;
  deb)
    make_classlist
    # the package's scripts: jpackage's templates with the archive step, given the launcher's options
    rm -rf "$out/resources"
    cp -r "$root/installer/linux" "$out/resources"
    sed -i "s|JAVA_OPTIONS_FOR_CDS|${options[*]}|" "$out/resources/postinst"
    # installed in /opt/hanout; postinst puts the launcher on the PATH (/usr/bin/hanout) and makes
    # the AppCDS archive on the installed files (it names their paths, so it cannot be shipped)
    "${bin}jpackage" --type deb "${common[@]}" \
      --java-options '-XX:SharedArchiveFile=$APPDIR/hanout.jsa' \
      --icon "$icon_dir/hanout-256.png" \
      --install-dir /opt \
      --resource-dir "$out/resources" \
      --linux-package-name hanout \
      --linux-app-category office \
      --linux-menu-group "Office" \
      --linux-shortcut \
      --linux-package-deps 'libgtk-3-0, libxtst6' \
      --linux-deb-maintainer "hanout@localhost"
    mv "$out/hanout_${version}-1_amd64.deb" "$out/hanout_${version}_amd64.deb"
    ;;
  msi)
    "${bin}jpackage" --type msi "${common[@]}" \
      --icon "$icon_dir/hanout.ico" \
      --win-menu --win-menu-group "Hanout" --win-shortcut --win-dir-chooser \
      --win-upgrade-uuid 6f0c7f3e-5b1a-4c57-9a43-2d5e7b1c9a10
    ;;
  dmg)
    "${bin}jpackage" --type dmg "${common[@]}" \
      --icon "$icon_dir/hanout.icns" \
      --mac-package-identifier ma.hanout.desktop --mac-package-name Hanout
    ;;
esac
rm -rf "$out/tmp" "$out/input" "$out/resources"
ls -l "$out"
