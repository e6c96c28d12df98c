"""`msk-desktop --self-check` from the source tree: OK and exit 0 on a working installation;
the failed step, its reason and exit 1 when a part is missing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from msk_desktop.cli import main
from msk_desktop.gui import fonts
from msk_desktop.gui.self_check import run_self_check


def test_self_check_walks_every_step_and_says_ok(
    qapp: QApplication, capsys: pytest.CaptureFixture[str]
) -> None:
    font = qapp.font()
    try:
        code = main(["--self-check"])
    finally:
        qapp.setFont(font)
    lines = capsys.readouterr().out.splitlines()
    assert code == 0
    assert lines[-1] == "OK"
    steps = [line.split(":")[0].strip() for line in lines[:-1]]
    assert steps == [
        "ok  fonts",
        "ok  translations",
        "ok  demo station",
        "ok  open the database",
        "ok  today's work",
        "ok  register and form",
        "ok  monthly report",
        "ok  close",
    ]


def test_a_missing_part_fails_with_the_step_and_its_reason(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "fonts").mkdir()
    monkeypatch.setattr(fonts, "resources_dir", lambda: tmp_path)
    out = io.StringIO()
    assert run_self_check(out) == 1
    assert out.getvalue().splitlines() == [
        "FAILED  fonts: CheckFailed: no font with Devanagari in resources/fonts"
    ]
