#!/usr/bin/env bash
# `npm run cli -- …` as the service runs: from the code folder, with the service's settings file,
# as the service's user (so the files it writes, a restored database included, belong to it).
# Usage: sudo /opt/khoi-thi-dua/deploy/cli.sh backup | restore FILE | job list | …  (docs/deployment.md)
# KTD_ENV_FILE and KTD_USER change the settings file and the user (defaults below).
set -euo pipefail
app_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
env_file="${KTD_ENV_FILE:-/etc/khoi-thi-dua/khoi-thi-dua.env}"
user="${KTD_USER:-khoi-thi-dua}"
if [ ! -r "$env_file" ]; then
  echo "Không đọc được tệp cấu hình $env_file (chạy bằng sudo?)." >&2
  exit 1
fi
cd "$app_dir"
# Variables already set in the environment win over the file (node --env-file).
run=(node "--env-file=$env_file" --import tsx src/cli.ts "$@")
if [ "$(id -un)" = "$user" ] || ! id -u "$user" >/dev/null 2>&1; then
  exec "${run[@]}"
fi
# The settings file is group-readable by the service's group (mode 640, root:khoi-thi-dua).
exec runuser -u "$user" -- "${run[@]}"
