#!/usr/bin/env bash
# Checks that this machine has what Coordina needs outside of pip: the shared libraries
# Qt loads, the DejaVu font, and a Python that can create a venv.
#
#   packaging/check_system.sh          what tests need (offscreen Qt)
#   packaging/check_system.sh --gui    also the X11/xcb libraries a real window needs
#
# On a miss it prints the exact `apt-get install` line and exits 1.
# PYTHON (default python3) is the interpreter `make venv` uses; VENV (default .venv)
# skips the venv check when that venv already exists.
set -euo pipefail

gui=0
for arg in "$@"; do
    case "$arg" in
        --gui) gui=1 ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) echo "check_system.sh: unknown argument: $arg" >&2; exit 2 ;;
    esac
done

PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}

# library soname -> Debian/Ubuntu package
base_libs=(
    "libEGL.so.1:libegl1"
    "libGL.so.1:libgl1"
    "libxkbcommon.so.0:libxkbcommon0"
    "libfontconfig.so.1:libfontconfig1"
    "libdbus-1.so.3:libdbus-1-3"
)
gui_libs=(
    "libxcb-cursor.so.0:libxcb-cursor0"
    "libxcb-icccm.so.4:libxcb-icccm4"
    "libxcb-keysyms.so.1:libxcb-keysyms1"
    "libxcb-shape.so.0:libxcb-shape0"
    "libxcb-xinerama.so.0:libxcb-xinerama0"
    "libxcb-randr.so.0:libxcb-randr0"
    "libxcb-render-util.so.0:libxcb-render-util0"
    "libxkbcommon-x11.so.0:libxkbcommon-x11-0"
)

missing_pkgs=()
problems=()

add_missing() {  # add_missing PACKAGE WHAT
    local p
    for p in "${missing_pkgs[@]+"${missing_pkgs[@]}"}"; do
        [[ "$p" == "$1" ]] && return 0
    done
    missing_pkgs+=("$1")
    problems+=("$2")
}

# --- shared libraries, via the ld.so cache -------------------------------------------
ldconfig_bin=$(command -v ldconfig || true)
[[ -z "$ldconfig_bin" && -x /sbin/ldconfig ]] && ldconfig_bin=/sbin/ldconfig
[[ -z "$ldconfig_bin" && -x /usr/sbin/ldconfig ]] && ldconfig_bin=/usr/sbin/ldconfig

case "$(uname -m)" in
    x86_64) arch_tag="x86-64" ;;
    aarch64) arch_tag="AArch64" ;;
    *) arch_tag="" ;;
esac

if [[ -z "$ldconfig_bin" ]]; then
    echo "check_system: warning: ldconfig not found, shared libraries not checked" >&2
else
    ld_cache=$("$ldconfig_bin" -p)
    tab=$'\t'
    has_lib() {
        local lines
        lines=$(grep -F "$tab$1 (" <<<"$ld_cache" || true)
        [[ -n "$lines" ]] || return 1
        [[ -z "$arch_tag" ]] && return 0
        grep -qF "$arch_tag" <<<"$lines"
    }
    libs=("${base_libs[@]}")
    if (( gui )); then
        case "${QT_QPA_PLATFORM:-}" in
            offscreen|minimal|wayland*) ;;  # no X11 window will be opened
            *) libs+=("${gui_libs[@]}") ;;
        esac
    fi
    for entry in "${libs[@]}"; do
        lib=${entry%%:*}
        pkg=${entry#*:}
        has_lib "$lib" || add_missing "$pkg" "$lib not found"
    done
fi

# --- fonts ----------------------------------------------------------------------------
if ! compgen -G "/usr/share/fonts/truetype/dejavu/DejaVuSans*.ttf" >/dev/null \
    && ! { command -v fc-list >/dev/null && fc-list 2>/dev/null | grep -qi "DejaVu Sans"; }; then
    add_missing fonts-dejavu-core "DejaVu Sans font not found"
fi

# --- python ---------------------------------------------------------------------------
if ! command -v "$PYTHON" >/dev/null; then
    problems+=("$PYTHON not found: install Python 3.11 or newer")
elif ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    problems+=("$PYTHON is $("$PYTHON" -V 2>&1); Coordina needs Python 3.11 or newer")
elif [[ ! -x "$VENV/bin/python" ]]; then
    # Debian/Ubuntu ship ensurepip (what `python -m venv` runs) in python3-venv.
    if ! "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null; then
        add_missing python3-venv "$PYTHON cannot create a venv (no ensurepip)"
    fi
fi

# --- display, only a hint -------------------------------------------------------------
if (( gui )) && [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]] \
    && [[ "${QT_QPA_PLATFORM:-}" != offscreen ]]; then
    # Only a warning: `make run ARGS='facilities list'` needs no display. main.py itself
    # stops the GUI with "no hay pantalla / no display" and exit code 1.
    echo "check_system: aviso: no hay pantalla (ni DISPLAY ni WAYLAND_DISPLAY): use xvfb-run;" \
        "warning: no display: use xvfb-run (or QT_QPA_PLATFORM=offscreen)" >&2
fi

if (( ${#problems[@]} == 0 )); then
    echo "check_system: OK$( (( gui )) && echo ' (gui)')"
    exit 0
fi

echo "check_system: this machine is missing what Coordina needs:" >&2
for p in "${problems[@]}"; do
    echo "  - $p" >&2
done
if (( ${#missing_pkgs[@]} )); then
    sudo=""
    [[ $(id -u) -ne 0 ]] && sudo="sudo "
    echo "Install them with:" >&2
    echo "  ${sudo}apt-get install ${missing_pkgs[*]}" >&2
fi
exit 1
