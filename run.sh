#!/usr/bin/env bash
# The project's two entry points (see README):
#   ./run.sh demo   set up .venv if needed, create the demo station, open the app on it
#   ./run.sh test   the whole test suite: ruff, mypy, pytest (what CI runs)
# Anything after the command is passed on (e.g. ./run.sh test -k fir, ./run.sh demo --lang en).
set -euo pipefail
cd "$(dirname "$0")"

PYTHON=${PYTHON:-python3}
VENV=.venv

need_python() {
    if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        echo "msk-desktop needs Python 3.11 or newer ($PYTHON is $("$PYTHON" --version 2>&1))." >&2
        exit 1
    fi
}

make_venv() {
    if "$PYTHON" -m venv "$VENV" 2>/dev/null; then
        return
    fi
    # Debian and Ubuntu ship venv separately; install it once, then retry.
    rm -rf "$VENV"
    echo "Installing python3-venv (Debian/Ubuntu ship it separately)…" >&2
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq "python3-venv" || $sudo apt-get install -y -qq \
        "python$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')-venv"
    "$PYTHON" -m venv "$VENV"
}

ensure_env() {
    need_python
    [ -x "$VENV/bin/python" ] || make_venv
    # Reinstall only when the declared dependencies changed.
    local stamp="$VENV/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
    if [ ! -f "$stamp" ]; then
        "$VENV/bin/python" -m pip install -q --upgrade pip
        "$VENV/bin/python" -m pip install -q -e ".[dev]"
        rm -f "$VENV"/.installed-*
        touch "$stamp"
    fi
    # Qt's own strings in Hindi: .qm built from the .ts sources (never committed).
    "$VENV/bin/python" -m msk_desktop.gui.translations > /dev/null
}

# What Qt's window system plugin (xcb) needs on a Debian/Ubuntu desktop.
QT_SYSTEM_LIBS="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 \
libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3"

ensure_qt_libs() {
    local plugin
    plugin=$("$VENV/bin/python" -c 'import pathlib, PySide6; print(pathlib.Path(PySide6.__file__).parent / "Qt/plugins/platforms/libqxcb.so")')
    if ldd "$plugin" 2>/dev/null | grep -q "not found"; then
        echo "Installing the libraries Qt needs to open a window…" >&2
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        # shellcheck disable=SC2086
        $sudo apt-get install -y -qq $QT_SYSTEM_LIBS
    fi
}

command=${1:-}
shift || true
case "$command" in
    demo)
        ensure_env
        if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "${QT_QPA_PLATFORM:-}" != "offscreen" ]; then
            echo "No display here: showing the demo station's work as text instead of the window." >&2
            exec "$VENV/bin/msk-desktop" "$@" demo
        fi
        ensure_qt_libs
        exec "$VENV/bin/msk-desktop" --demo "$@"
        ;;
    test)
        ensure_env
        export QT_QPA_PLATFORM=offscreen
        echo "== ruff" && "$VENV/bin/ruff" check . && "$VENV/bin/ruff" format --check .
        echo "== mypy" && "$VENV/bin/mypy"
        echo "== pytest" && exec "$VENV/bin/python" -m pytest "$@"
        ;;
    *)
        echo "usage: ./run.sh demo | ./run.sh test [pytest args]" >&2
        exit 2
        ;;
esac
