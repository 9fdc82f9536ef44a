#!/usr/bin/env bash
# Installs an unpacked Coordina bundle for the current user (no administrator rights):
#   ./install.sh            from the unpacked coordina-<version>/ folder
# Links ~/.local/bin/coordina and coordina-cli to this folder, adds the menu entry
# (~/.local/share/applications/coordina.desktop) and the icon in every size
# (~/.local/share/icons/hicolor/<size>x<size>/apps/coordina.png and scalable SVG).
# Uninstall: ./install.sh --uninstall (the data in ~/.local/share/Coordina stay).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin
icons=$here/_internal/resources/icons

if [[ "${1:-}" == "--uninstall" ]]; then
    rm -f "$bin/coordina" "$bin/coordina-cli" "$data/applications/coordina.desktop"
    rm -f "$data"/icons/hicolor/*/apps/coordina.png "$data/icons/hicolor/scalable/apps/coordina.svg"
    echo "Coordina: menu entry, icons and links removed (data kept in $data/Coordina)"
    exit 0
fi

[[ -x "$here/coordina" ]] || { echo "install.sh: run it from the unpacked bundle folder" >&2; exit 1; }
mkdir -p "$bin" "$data/applications"
ln -sfn "$here/coordina" "$bin/coordina"
ln -sfn "$here/coordina-cli" "$bin/coordina-cli"
for png in "$icons"/coordina-*.png; do
    size=$(basename "$png" .png); size=${size#coordina-}
    mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
    cp "$png" "$data/icons/hicolor/${size}x${size}/apps/coordina.png"
done
mkdir -p "$data/icons/hicolor/scalable/apps"
cp "$icons/coordina.svg" "$data/icons/hicolor/scalable/apps/coordina.svg"
# Exec with the absolute path: ~/.local/bin is not on every desktop session's PATH.
sed "s|^Exec=coordina|Exec=\"$here/coordina\"|" "$here/coordina.desktop" \
    > "$data/applications/coordina.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "Coordina installed: menu entry added, 'coordina' and 'coordina-cli' linked in $bin"
