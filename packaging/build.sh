#!/usr/bin/env bash
# Builds the one-folder desktop bundle and its archive (`make package` runs this):
#   dist/coordina/                                  coordina (GUI) and coordina-cli (console)
#   dist/coordina-<version>-linux-x86_64.tar.gz     the folder as coordina-<version>/, links kept
#   dist/coordina-<version>-linux-x86_64.tar.gz.sha256
#
# PyInstaller and every runtime dependency come from packaging/requirements-package.txt
# (exact versions, SHA-256 hashes) installed into build/package-venv, never the development
# .venv: a build cannot pick up whatever happens to be installed there. The venv is made
# again whenever the lock changes. PYTHON (default python3) is the interpreter it is made from.
set -euo pipefail

cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
PKG_VENV=${PKG_VENV:-build/package-venv}
LOCK=packaging/requirements-package.txt
TS=resources/i18n/coordina_en.ts
QM=resources/i18n/coordina_en.qm

version=$(sed -n 's/^__version__ *= *["'"'"']\([^"'"'"']*\)["'"'"'].*/\1/p' app/__init__.py)
[[ -n "$version" ]] || { echo "build.sh: no __version__ in app/__init__.py" >&2; exit 1; }
case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) platform=linux-x86_64 ;;
    Linux-aarch64) platform=linux-aarch64 ;;
    *) platform=$(uname -s | tr 'A-Z' 'a-z')-$(uname -m) ;;
esac
name=coordina-$version-$platform
start=$SECONDS

# PyInstaller bundles the interpreter's shared library: a Python built without it fails late.
if [[ $("$PYTHON" -c 'import sysconfig; print(sysconfig.get_config_var("Py_ENABLE_SHARED") or 0)') != 1 ]]; then
    echo "build.sh: $PYTHON has no shared libpython, which PyInstaller needs" \
         "(pyenv: PYTHON_CONFIGURE_OPTS=--enable-shared; Debian: apt-get install libpython3-dev)" >&2
    exit 1
fi
command -v strip >/dev/null || echo "build.sh: warning: no strip (binutils): libpython keeps its debug symbols" >&2

# 1. the locked build venv (again only when the lock changed)
stamp=$PKG_VENV/.lock-$(sha256sum "$LOCK" | cut -c1-16)
if [[ ! -f "$stamp" ]]; then
    echo "package: creating $PKG_VENV from $LOCK"
    rm -rf "$PKG_VENV"
    "$PYTHON" -m venv "$PKG_VENV"
    # --require-hashes: every file is checked against the lock; --no-deps: nothing unlocked.
    "$PKG_VENV/bin/python" -m pip install --progress-bar off --disable-pip-version-check -q \
        --require-hashes --no-deps -r "$LOCK"
    touch "$stamp"
    echo "package: venv made in $((SECONDS - start)) s"
fi

# 2. translations first: the bundle carries the built .qm, never the .ts
"$PKG_VENV/bin/pyside6-lrelease" -silent "$TS" -qm "$QM"

# 3. the bundle
rm -rf dist/coordina
"$PKG_VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/coordina.spec

echo "package: bundle built at $((SECONDS - start)) s"

# 4. the archive: tar keeps the symbolic links PyInstaller makes (zip would copy them);
# fixed owner, order and times so the same tree gives the same archive.
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
rm -f "dist/$name.tar.gz" "dist/$name.tar.gz.sha256"
tar -C dist --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
    --transform "s,^coordina,coordina-$version,S" -cf - coordina | gzip -n -6 > "dist/$name.tar.gz"
(cd dist && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")

echo "package: dist/coordina/ and dist/$name.tar.gz built in $((SECONDS - start)) s"
