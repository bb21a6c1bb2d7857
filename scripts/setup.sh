#!/usr/bin/env bash
# Installs what the console and its tests need on a fresh Debian/Ubuntu machine: the system packages
# (Chromium for the browser shell, libsecret for keytar, gnome-keyring + D-Bus for a real keychain,
# PostgreSQL for the team-history tests and benchmark), then the npm dependencies exactly as locked.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for pkg in chromium libsecret-1-dev gnome-keyring dbus-x11 postgresql; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  echo "Installing system packages: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# The team-history tests start their own throw-away clusters (initdb/pg_ctl) on free loopback ports;
# the cluster Debian creates and starts on install is not used by them.

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
