#!/usr/bin/env bash
# Browser tests drive Debian's chromium. Install it when missing and we can (root + apt).
set -u
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "chromium is not installed (apt-get install chromium as root): browser tests will be skipped."
fi
exit 0
