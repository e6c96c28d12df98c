"""The login window waits for Qt and itself only (BENCHMARKS.md: start to the login window):
the ops, SQLAlchemy, Alembic and the views load after it shows, and logging in still works
with them loaded then. Run in a fresh interpreter, as the app starts."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from msk_desktop.cli import _app_arguments
from msk_desktop.ops.context import OpContext
from msk_desktop.store.layout import DataLayout
from tests.gui.conftest import PASSWORD

ROOT = Path(__file__).resolve().parent.parent.parent
# What the login window once waited a second for.
LOADED_LATER = (
    "sqlalchemy",
    "alembic",
    "openpyxl",
    "pydantic",
    "reportlab",
    "msk_desktop.ops.context",
    "msk_desktop.demo.seed",
    "msk_desktop.gui.main_window",
)

SCRIPT = textwrap.dedent(
    """
    import sys
    import threading
    from pathlib import Path

    import msk_desktop.cli  # as `python -m msk_desktop` starts
    from msk_desktop.gui import app as gui_app
    from msk_desktop.gui.language import Language
    from msk_desktop.gui.login import LoginDialog
    from msk_desktop.store.layout import DataLayout
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    qt = QApplication([])
    dialog = LoginDialog(DataLayout(Path(sys.argv[1])), Language("en"), "station")
    dialog.show()
    qt.processEvents()
    print("before", *[m for m in sys.argv[3:] if m in sys.modules], flush=True)
    gui_app.preload(dialog)  # as run_gui does once the window is up
    dialog.username.setText("fake.incharge")
    dialog.password.setText(sys.argv[2])

    def done(context):
        print("logged in", context.actor.username, flush=True)
        context.db.close()
        qt.quit()

    dialog.logged_in.connect(done)
    QTimer.singleShot(0, dialog.try_login)  # at once: the login imports the ops itself
    QTimer.singleShot(60_000, qt.quit)
    qt.exec()
    for thread in threading.enumerate():
        if thread.name == "msk-preload":
            thread.join()
    print("after", *[m for m in sys.argv[3:] if m in sys.modules], flush=True)
    """
)


def test_the_login_window_shows_before_the_ops_load_and_logs_in(
    ctx: OpContext, layout: DataLayout
) -> None:
    ctx.db.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(layout.root), PASSWORD, *LOADED_LATER],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    lines = done.stdout.splitlines()
    assert "before" in lines, done.stdout + done.stderr  # none of them loaded yet
    assert "logged in fake.incharge" in lines, done.stdout + done.stderr
    after = next(line for line in lines if line.startswith("after")).split()[1:]
    assert {"sqlalchemy", "msk_desktop.ops.context", "msk_desktop.gui.main_window"} <= set(after)


def test_the_app_options_are_read_without_the_commands_parser() -> None:
    app = _app_arguments(["--lang", "en", "--demo"])
    assert app is not None and (app.lang, app.demo, app.command) == ("en", True, None)
    # A command, help or a mistake goes to the full parser (its messages and choices).
    for argv in (["today"], ["--lang", "en", "check"], ["-h"], ["--lang", "xx"], ["--data-dir"]):
        assert _app_arguments(argv) is None, argv
