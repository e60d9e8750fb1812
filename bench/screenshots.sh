#!/usr/bin/env bash
# Regenerates docs/screenshots: every page of the web app, on a phone (390 x 844) and on a desktop (1280 x 800),
# taken by ScreenshotsSystemTest in Debian's chromium against a freshly started system (devstack and the four
# services on free ports, so it never collides with ./run.sh). Needs the packages chromium and chromium-driver.
# The picture of the installed app with a desktop notification (installed-app-notification-desktop.png) also needs a
# small virtual desktop: xvfb openbox dunst dbus-x11 imagemagick x11-xserver-utils (it waits for a reminder's minute).
#
#   bench/screenshots.sh            build the jars, then take the screenshots
#   NO_BUILD=1 bench/screenshots.sh reuse the jars already built
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
OUT="$ROOT/docs/screenshots"
mkdir -p "$OUT"

if [ -z "${NO_BUILD:-}" ]; then
  ./mvnw -q install -DskipTests
fi
./mvnw -pl system-tests verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ScreenshotsSystemTest -Dscreenshots="$OUT"
echo "Screenshots in $OUT:"
ls "$OUT"
