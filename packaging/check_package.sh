#!/usr/bin/env bash
# Checks the bundle `make package` built (`make package-check` runs this after it; CI too):
#  1. its size on disk and its archive's size against the budget, and the newest GLIBC
#     version its files need against the documented baseline (packaging/check_bundle.py);
#  2. its own `coordina-cli self-test`, run the way a person's double-click would run it:
#     from another working directory and with an empty environment (`env -i`). The only
#     variable is HOME, pointed at a fresh folder: Qt and fontconfig write caches under it,
#     and CI must not write into the real home (the self-test's own files go to a temporary
#     folder of its own). No QT_QPA_PLATFORM: without a display the self-test goes offscreen
#     by itself, which is what this checks. No LANG: the C locale must work too.
# Exits 1 if either part fails, naming it.
set -uo pipefail

cd "$(dirname "$0")/.."
repo=$PWD

version=$(sed -n 's/^__version__ *= *["'"'"']\([^"'"'"']*\)["'"'"'].*/\1/p' app/__init__.py)
archive=$(ls dist/coordina-"$version"-*.tar.gz 2>/dev/null | head -1)
bundle=$repo/dist/coordina
[[ -x "$bundle/coordina-cli" ]] || { echo "package-check: no $bundle/coordina-cli; run make package" >&2; exit 1; }

failed=()
PY=${PYTHON:-python3}
if ! "$PY" packaging/check_bundle.py "$bundle" ${archive:+--archive "$archive"}; then
    failed+=("size budget or glibc baseline (packaging/check_bundle.py)")
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/coordina-package-check.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/cwd"
echo "package-check: coordina-cli self-test (env -i HOME=<temp>, working directory <temp>/cwd)"
start=$SECONDS
if (cd "$scratch/cwd" && env -i HOME="$scratch/home" "$bundle/coordina-cli" self-test); then
    echo "package-check: self-test passed in $((SECONDS - start)) s"
else
    failed+=("the bundle's self-test")
fi

if (( ${#failed[@]} )); then
    printf 'package-check: FAILED: %s\n' "${failed[@]}" >&2
    exit 1
fi
echo "package-check: ok"
