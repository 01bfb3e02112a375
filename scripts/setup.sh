#!/usr/bin/env bash
# Shared set-up for ./run-app and ./run-tests: system packages (installed when missing), the
# Python virtual environment (.venv) with the project and its extras, and the Qt translations.
# Sourced, not executed. Idempotent: a second run with nothing missing takes a second or two.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV="$ROOT/.venv"
export LANG=${LANG:-C.UTF-8} PIP_DISABLE_PIP_VERSION_CHECK=1

say() { echo "[setup] $*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "need root for: $*"; return 1; fi
}

# Packages the app needs at run time (Qt offscreen/xcb, fonts, printing, barcodes).
APP_PKGS=(
  libegl1 libgl1 libopengl0 libxkbcommon0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3
  fonts-dejavu-core libx11-6 libx11-xcb1 libxcb1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4
  libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xkb1
  libpulse0 libxrandr2   # QtMultimedia links libpulse; its ffmpeg plugin needs libXrandr
  libcups2               # QtPrintSupport's CUPS plugin
  libzbar0               # pyzbar
  libfribidi0            # Pillow's text layout loads it when present (barcode images)
  pulseaudio-utils       # paplay: the scan sounds (PulseAudio and PipeWire desktops)
)
# Packages the tests need besides: real services and renderers.
TEST_PKGS=(
  socat                                              # virtual serial-port pairs
  cups cups-client cups-bsd printer-driver-cups-pdf  # a real CUPS queue
  postgresql                                         # central database for sync tests
  openssl                                            # a throwaway CA for the central database's TLS
  poppler-utils                                      # pdftoppm: PDF pages to PNG
  xvfb xauth                                         # screenshots under a real X server
  desktop-file-utils                                 # desktop-file-validate: the package's menu entry
  pulseaudio                                         # a private sound server (null sink) for sound tests
)

python_ok() { command -v python3 >/dev/null && python3 -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; }

ensure_system_packages() {
  local want=("$@") missing=()
  python_ok || want+=(python3 python3-venv)
  for p in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${#missing[@]} system packages: ${missing[*]}"
  local apt=(apt-get -o DPkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0)
  as_root env DEBIAN_FRONTEND=noninteractive "${apt[@]}" update -qq
  as_root env DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" \
    >/tmp/intake-apt.log 2>&1 || { tail -40 /tmp/intake-apt.log; return 1; }
}

ensure_venv() {
  local extras=$1 stamp="$VENV/.installed-$1"
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating $VENV"
    python3 -m venv "$VENV"
  fi
  # reinstall when pyproject.toml changed since the last install
  if [ ! -f "$stamp" ] || [ "$ROOT/pyproject.toml" -nt "$stamp" ]; then
    say "installing the project into $VENV ($extras)"
    "$VENV/bin/python" -m pip install -q --upgrade pip 2>&1 | grep -v "is ignored" || true
    "$VENV/bin/python" -m pip install -q -e "$ROOT[$extras]" 2>&1 | grep -v -e "is ignored" -e "^$" || true
    "$VENV/bin/python" -c "import intake_app, PySide6, sqlalchemy" || { say "installation failed"; return 1; }
    touch "$stamp"
  fi
}

build_translations() {
  # .ts sources are in resources/translations; the compiled .qm files are build products.
  local ts qm lrelease="$VENV/bin/pyside6-lrelease"
  [ -x "$lrelease" ] || return 0
  for ts in "$ROOT"/resources/translations/*.ts; do
    [ -e "$ts" ] || continue
    qm="${ts%.ts}.qm"
    if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then "$lrelease" -silent "$ts" -qm "$qm"; fi
  done
}
