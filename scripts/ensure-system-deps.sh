#!/usr/bin/env bash
# Installs the Debian packages the test suite drives (Chromium for browser tests, LibreOffice and
# poppler to render generated documents, nginx, openssl, systemd and rsync for the deployment guide's
# files) when they are missing. Needs root or passwordless sudo.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
fc-list 2>/dev/null | grep -qi 'dejavu' || missing+=(fonts-dejavu-core)
fc-list 2>/dev/null | grep -qi 'liberation serif' || missing+=(fonts-liberation)
# The deployment guide's files are exercised for real: nginx in front of the app over HTTPS with a
# certificate made by openssl, and the systemd unit checked by systemd-analyze.
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
# The off-machine copy of the backups (deploy/khoi-thi-dua-sao-luu.cron) is run with rsync.
command -v rsync >/dev/null 2>&1 || missing+=(rsync)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages for the test suite: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
