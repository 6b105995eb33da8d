#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests (src/e2e) when it is missing. Idempotent:
# a machine that already has /usr/bin/chromium is left as it is.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "setup-chromium: $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium') already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y chromium
/usr/bin/chromium --version
