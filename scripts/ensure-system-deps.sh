#!/usr/bin/env bash
# Installs the Debian packages the test suite drives (Chromium for browser tests, LibreOffice and
# poppler to render generated documents) when they are missing. Needs root or passwordless sudo.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
fc-list 2>/dev/null | grep -qi 'dejavu' || missing+=(fonts-dejavu-core)
fc-list 2>/dev/null | grep -qi 'liberation serif' || missing+=(fonts-liberation)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages for the test suite: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
