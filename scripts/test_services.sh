#!/usr/bin/env bash
# Installs what the integration tests need from Debian's packages, where missing:
# the PostgreSQL server (started per test session by tests/conftest.py on loopback)
# and Chromium (driven by Playwright in the browser tests). Idempotent; needs root or sudo.
set -euo pipefail
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "test services: apt-get not found; install ${need[*]} yourself (tests needing them will fail)" >&2
  exit 0
fi
echo "test services: installing ${need[*]} from Debian's packages" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
