#!/usr/bin/env bash
# Builds the installable app on Linux, from the repository root's sources:
#   dist/oms-desktop/                         the PyInstaller one-folder bundle (packaging/oms_desktop.spec)
#   dist/oms-desktop_<version>_<arch>.deb     that bundle as a Debian package: /opt/oms-desktop/, the command
#                                             /usr/bin/oms-desktop, the menu entry, the AppStream metadata, the icon
# The bundle is frozen in .venv-bundle/, installed from packaging/requirements-bundle.lock (the app's lock plus
# PyInstaller, all pinned with hashes), so two builds of one commit bundle the same versions.
# Checks on the way: the committed forms match ui/ (build_ui.py --check), the .desktop file passes
# desktop-file-validate (desktop-file-utils) and the metainfo `appstreamcli validate --no-net` (appstream).
# Try the result: QT_QPA_PLATFORM=offscreen dist/oms-desktop/oms-desktop --smoke-test
#
# Usage: bash packaging/build_bundle.sh            the bundle and the .deb
#        bash packaging/build_bundle.sh --no-deb   the bundle only (any Linux; no dpkg-deb needed)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DEB=1
case "${1:-}" in
    "") ;;
    --no-deb) DEB=0 ;;
    *) echo "usage: bash packaging/build_bundle.sh [--no-deb]" >&2; exit 2 ;;
esac
step() { printf '\n== %s\n' "$*"; }
need() { command -v "$1" >/dev/null 2>&1 || { echo "build_bundle.sh: $1 not found (Debian package: $2)" >&2; exit 1; }; }
need objdump binutils  # PyInstaller reads and writes ELF files with objdump and objcopy
if [ "$DEB" = 1 ]; then
    need dpkg-deb dpkg
    need desktop-file-validate desktop-file-utils
    need appstreamcli appstream
fi

VENV=.venv-bundle
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' oms_desktop/__init__.py)
[ -n "$VERSION" ] || { echo "no __version__ in oms_desktop/__init__.py" >&2; exit 1; }

step "Validate the desktop entry and the AppStream metadata"
if [ "$DEB" = 1 ]; then
    desktop-file-validate packaging/oms-desktop.desktop
    appstreamcli validate --no-net packaging/io.github.omsdesktop.OmsDesktop.metainfo.xml
fi

step "Build tools ($VENV from packaging/requirements-bundle.lock)"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q --require-hashes -r packaging/requirements-bundle.lock
"$VENV/bin/pyinstaller" --version

step "Forms and resources up to date"
"$VENV/bin/python" packaging/build_ui.py --check

step "PyInstaller: dist/oms-desktop/"
rm -rf dist/oms-desktop build/oms_desktop
# the spec puts the repository root on the import path: the sources are frozen as they are in this checkout
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN --distpath dist --workpath build \
    packaging/oms_desktop.spec
[ -x dist/oms-desktop/oms-desktop ] || { echo "PyInstaller made no dist/oms-desktop/oms-desktop" >&2; exit 1; }
echo "dist/oms-desktop/: $(du -sh dist/oms-desktop | cut -f1)"

[ "$DEB" = 1 ] || exit 0

step "Debian package"
ARCH=$(dpkg --print-architecture)
MAINTAINER="${DEB_MAINTAINER:-The OMS Desktop developers <oms-desktop@localhost>}"  # who answers for this build
PKG="oms-desktop_${VERSION}_${ARCH}"
ROOT="build/deb/$PKG"
rm -rf "$ROOT" dist/oms-desktop_*.deb
mkdir -p "$ROOT/DEBIAN" "$ROOT/opt" "$ROOT/usr/bin"
cp -a dist/oms-desktop "$ROOT/opt/oms-desktop"
ln -s /opt/oms-desktop/oms-desktop "$ROOT/usr/bin/oms-desktop"
ln -s /opt/oms-desktop/oms-desktop "$ROOT/usr/bin/oms"  # started as "oms" the executable is the CLI (__main__.py)
install -Dm644 packaging/oms-desktop.desktop "$ROOT/usr/share/applications/oms-desktop.desktop"
install -Dm644 packaging/io.github.omsdesktop.OmsDesktop.metainfo.xml \
    "$ROOT/usr/share/metainfo/io.github.omsdesktop.OmsDesktop.metainfo.xml"
install -Dm644 resources/icons/oms-desktop.svg "$ROOT/usr/share/icons/hicolor/scalable/apps/oms-desktop.svg"
# Qt itself is in the bundle; what its xcb platform plugin loads from the system is not (the same list .ci/run
# installs for the tests under Xvfb). DejaVu for PDFs is bundled when the build machine has it.
# the bundle's binaries were linked against this machine's C library: the same or newer is needed
GLIBC=$(ldd --version | sed -n '1s/.* \([0-9][0-9.]*\)$/\1/p')
DEPENDS="libc6 (>= ${GLIBC:-2.28}), libglib2.0-0, libdbus-1-3, libegl1, libgl1, libfontconfig1, libfreetype6, libxkbcommon0, libx11-6,
 libx11-xcb1, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0,
 libxcb-render-util0, libxcb-render0, libxcb-shape0, libxcb-shm0, libxcb-sync1, libxcb-xfixes0, libxcb-xkb1,
 libxcb-glx0"
cat > "$ROOT/DEBIAN/control" <<EOF
Package: oms-desktop
Version: $VERSION
Architecture: $ARCH
Maintainer: $MAINTAINER
Installed-Size: $(du -sk --exclude=DEBIAN "$ROOT" | cut -f1)
Depends: $(echo $DEPENDS)
Recommends: fonts-dejavu-core
Section: misc
Priority: optional
Description: Keyboard-first order management for small shops and warehouses
 OMS Desktop takes orders at the counter or from an online store, reserves
 stock, guides the warehouse through picking and packing, and posts every
 sale, receipt and refund to a balanced ledger. It works on a local SQLite
 file or a shared PostgreSQL server.
 .
 A self-contained PyInstaller bundle in /opt/oms-desktop (Python, Qt and
 every library included); try it with: oms-desktop --demo
EOF
# gzip: every dpkg reads it, and it compresses ~300 MB in seconds where xz takes minutes
dpkg-deb --root-owner-group -Zgzip --build "$ROOT" "dist/$PKG.deb"
dpkg-deb --info "dist/$PKG.deb" | sed -n '/Package:/,/Depends:/p'
echo "dist/$PKG.deb: $(du -h "dist/$PKG.deb" | cut -f1)"
