#!/usr/bin/env bash
# Debian's Chromium and its driver for the dashboard's browser test (DashboardBrowserIT skips without them).
# Tools that download their own browser cannot work here: this machine reaches Debian's mirror, not theirs.
set -uo pipefail
# Chinese labels in screenshots need a CJK font; without one they show as boxes (the tests do not depend on it).
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && ! fc-list 2>/dev/null | grep -qi "wenquanyi"; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-zenhei >/tmp/font-install.log 2>&1 \
    || { apt-get update -qq >/dev/null 2>&1; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-zenhei >/tmp/font-install.log 2>&1; } \
    || echo "browser: font fonts-wqy-zenhei not installed (see /tmp/font-install.log)"
fi
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  echo "browser: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "browser: cannot install chromium here (not root or no apt-get); the browser test will skip"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null 2>&1 || true
if apt-get install -y -qq chromium chromium-driver >/tmp/chromium-install.log 2>&1; then
  echo "browser: installed $(/usr/bin/chromium --version 2>/dev/null | head -1)"
else
  echo "browser: chromium install failed (see /tmp/chromium-install.log); the browser test will skip"
fi
exit 0
