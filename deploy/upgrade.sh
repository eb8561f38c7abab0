#!/usr/bin/env bash
# Upgrades the code in place (docs/deployment.md, "Nâng cấp"): a verified backup taken by the
# version still running, the new code, its packages. Then restart the service; at start the new
# version backs the database up again by itself before it applies its migrations.
# Usage: sudo /opt/khoi-thi-dua/deploy/upgrade.sh && sudo systemctl restart khoi-thi-dua
set -euo pipefail
app_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$app_dir"
echo "1/3 Sao lưu cơ sở dữ liệu"
"$app_dir/deploy/cli.sh" backup
echo "2/3 Lấy mã nguồn mới (git pull --ff-only)"
git pull --ff-only
echo "3/3 Cài các gói theo package-lock.json (npm ci)"
npm ci --omit=dev --no-audit --no-fund
echo "Xong. Khởi động lại dịch vụ: sudo systemctl restart khoi-thi-dua"
