#!/usr/bin/env bash
# Builds the one-folder desktop bundle dist/coordina/ with PyInstaller.
#   packaging/build.sh            (from anywhere; works in the repository root)
# Uses the project venv (made by `make venv`), builds the .qm translations first.
set -euo pipefail

cd "$(dirname "$0")/.."

make venv qm
.venv/bin/python -m pip install --progress-bar off 'pyinstaller>=6.10,<7'
.venv/bin/pyinstaller --noconfirm --clean \
    --distpath dist --workpath build/pyinstaller \
    packaging/coordina.spec

echo "Built dist/coordina/ (run dist/coordina/coordina)"
