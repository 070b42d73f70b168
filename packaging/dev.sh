#!/usr/bin/env bash
# Set up everything Tandem needs on a Debian-like machine, then start the app
# or run the whole test suite.
#
#   bash packaging/dev.sh start [PLAN_FILE]   set up, then start Tandem
#   bash packaging/dev.sh test [PYTEST_ARGS]  set up, then lint, type-check and test (headless)
#   bash packaging/dev.sh setup [APT_PACKAGES] set up only, with these system packages too
#                                             (packaging/build-deb and check-deb use it)
#
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Qt's own libraries need these from the system: OpenGL/EGL, fonts, keyboard
# maps, and the X11 plugin's xcb libraries for a real window.
SYSTEM_PACKAGES=(
  python3-venv python3-pip
  libegl1 libgl1 libglib2.0-0 libdbus-1-3 libfontconfig1 libfreetype6
  libxkbcommon0 libxkbcommon-x11-0 fonts-dejavu-core
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-xkb1 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libx11-xcb1
  # The validators tests/test_packaging.py runs on the desktop entry, the
  # AppStream file and the plan's file type.
  desktop-file-utils appstream shared-mime-info
)

install_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0  # not Debian: trust the system
  local missing=()
  for package in "${SYSTEM_PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing system packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

python_ok() {
  "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null
}

setup_python() {
  local python=${PYTHON:-python3}
  python_ok "$python" || { echo "Tandem needs Python 3.11 or newer (found: $($python --version 2>&1))." >&2; exit 1; }
  if [ ! -x .venv/bin/python ] || ! python_ok .venv/bin/python; then
    rm -rf .venv
    "$python" -m venv .venv
  fi
  # Reinstall only when the dependencies changed.
  local stamp=.venv/.tandem-installed
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet --editable ".[test]"
    touch "$stamp"
  fi
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
  start)
    install_system_packages
    setup_python
    exec .venv/bin/python main.py "$@"
    ;;
  setup)
    install_system_packages "$@"
    setup_python
    ;;
  test)
    install_system_packages
    setup_python
    echo "== ruff";        .venv/bin/ruff check .
    echo "== mypy";        .venv/bin/mypy
    echo "== lint-imports"; .venv/bin/lint-imports
    echo "== pytest";      exec .venv/bin/python -m pytest "$@"
    ;;
  *)
    echo "usage: bash packaging/dev.sh start [PLAN_FILE] | test [PYTEST_ARGS...] | setup [APT_PACKAGES...]" >&2
    exit 2
    ;;
esac
