#!/bin/sh
# Browser tests drive the system Chromium through Playwright (no browser download).
# Installs Debian's chromium when missing and we are root; otherwise says how.
for candidate in "$CHROMIUM_PATH" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    exit 0
  fi
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium for the browser tests (apt-get install -y chromium)..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit $?
fi
echo "WARNING: Chromium not found; browser tests will be SKIPPED." >&2
echo "         Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH." >&2
