"""The register view's Export and Import through real widgets: pick a file, check the column
mapping, see the dry run's rejected rows, confirm; export to a file that opens only with the
password typed in the dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from msk_desktop.gui.language import Language
from msk_desktop.gui.register_view import RegisterView
from msk_desktop.ops.context import OpContext
from msk_desktop.store.models import AuditEntry, Fir
from tests.data import make_samples
from tests.exchange.test_export import open_xlsx

DATA = Path(__file__).parent.parent / "data"
TIMEOUT = 20_000  # ms: the work runs on a worker thread of a shared test machine


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None, (row, column)
    return item.text()


def _firs(ctx: OpContext) -> int:
    with ctx.db.read() as session:
        return session.scalar(select(func.count()).select_from(Fir)) or 0


def _exports(ctx: OpContext) -> int:
    with ctx.db.read() as session:
        statement = select(func.count()).where(AuditEntry.action == "export")
        return session.scalar(statement) or 0


def test_import_dialog_maps_checks_then_imports(
    qtbot: QtBot, ctx: OpContext, hindi: Language
) -> None:
    view = RegisterView(ctx, "fir", hindi)
    qtbot.addWidget(view)
    view.show()
    assert view.import_button.text() == "आयात"
    dialog = view.import_file()
    assert not dialog.check_button.isEnabled()  # nothing to check before a file is read

    dialog.load_file(DATA / "fir_register.xlsx")
    qtbot.waitUntil(lambda: dialog.sheet is not None, timeout=TIMEOUT)
    assert dialog.mapping_table.rowCount() == len(make_samples.FIR_HEADERS)
    victim_name = make_samples.FIR_HEADERS.index("पीड़िता का नाम")
    assert dialog.field_box(victim_name).currentData() is None
    assert dialog.field_box(1).currentData() == "crime_no"
    assert not dialog.confirm_button.isEnabled()

    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=TIMEOUT)
    assert _firs(ctx) == 0  # the dry run wrote nothing
    first_rows = [cell(dialog.results, r, 0) for r in range(4)]
    assert first_rows == ["8", "9", "10", "11"]  # rejected rows first, by their row number
    details = cell(dialog.results, 0, 2)
    assert details.startswith("घटना तिथि:")  # in Hindi, naming the column
    assert dialog.confirm_button.isEnabled()

    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.outcome is not None and dialog.outcome.committed, timeout=TIMEOUT
    )
    assert _firs(ctx) == 6
    assert not dialog.confirm_button.isEnabled()  # the same rows cannot be sent twice
    assert view.model.total == 6  # the view was told on the UI thread and reloaded


def test_changing_the_mapping_asks_for_a_new_check(
    qtbot: QtBot, ctx: OpContext, hindi: Language
) -> None:
    view = RegisterView(ctx, "fir", hindi)
    qtbot.addWidget(view)
    dialog = view.import_file()
    dialog.load_file(DATA / "fir_register.xlsx")
    qtbot.waitUntil(lambda: dialog.sheet is not None, timeout=TIMEOUT)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.confirm_button.isEnabled, timeout=TIMEOUT)
    status = make_samples.FIR_HEADERS.index("स्थिति")
    dialog.field_box(status).setCurrentIndex(0)  # "do not import"
    assert not dialog.confirm_button.isEnabled()
    assert dialog.results.rowCount() == 0


def test_an_unreadable_file_is_explained(qtbot: QtBot, ctx: OpContext, hindi: Language) -> None:
    view = RegisterView(ctx, "fir", hindi)
    qtbot.addWidget(view)
    dialog = view.import_file()
    dialog.load_file(DATA / "make_samples.py")
    qtbot.waitUntil(lambda: bool(dialog.status.text()) and not dialog.busy, timeout=TIMEOUT)
    assert ".xlsx" in dialog.status.text()
    assert not dialog.check_button.isEnabled()
    assert dialog.mapping_table.rowCount() == 0


def test_a_field_chosen_for_two_columns_is_refused(
    qtbot: QtBot, ctx: OpContext, hindi: Language
) -> None:
    view = RegisterView(ctx, "fir", hindi)
    qtbot.addWidget(view)
    dialog = view.import_file()
    dialog.load_file(DATA / "fir_register.xlsx")
    qtbot.waitUntil(lambda: dialog.sheet is not None, timeout=TIMEOUT)
    remarks = dialog.field_box(make_samples.FIR_HEADERS.index("Remarks"))
    remarks.setCurrentIndex(remarks.findData("io_name"))  # io_name is already the IO's column
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=TIMEOUT)
    assert "दो स्तम्भों" in dialog.status.text()
    assert dialog.outcome is None and _firs(ctx) == 0


def test_export_dialog_writes_a_protected_file(
    qtbot: QtBot, ctx: OpContext, hindi: Language, tmp_path: Path
) -> None:
    view = RegisterView(ctx, "fir", hindi)
    qtbot.addWidget(view)
    importer = view.import_file()
    importer.load_file(DATA / "fir_register.xlsx")
    qtbot.waitUntil(lambda: importer.sheet is not None, timeout=TIMEOUT)
    importer.confirm()
    qtbot.waitUntil(lambda: importer.outcome is not None, timeout=TIMEOUT)

    assert view.export_button.text() == "निर्यात"
    dialog = view.export_view()
    out = tmp_path / "firs.xlsx"
    dialog.path.setText(str(out))
    dialog.password.setText("dialog-pass-1")
    dialog.password_again.setText("dialog-pass-2")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "भिन्न" in dialog.status.text() and not out.exists()  # the two passwords differ

    dialog.password_again.setText("dialog-pass-1")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_of_export is not None, timeout=TIMEOUT)
    assert len(open_xlsx(out, "dialog-pass-1")) == 7  # heading and six FIRs
    assert dialog.password.text() == ""  # not kept in the widget after use
    assert _exports(ctx) == 1


def test_export_dialog_shows_a_refusal(
    qtbot: QtBot, ctx: OpContext, hindi: Language, tmp_path: Path
) -> None:
    view = RegisterView(ctx, "fir", hindi)
    qtbot.addWidget(view)
    dialog = view.export_view()
    dialog.path.setText(str(tmp_path / "x.xlsx"))
    dialog.password.setText("short")
    dialog.password_again.setText("short")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.export_button.isEnabled, timeout=TIMEOUT)
    assert "कम से कम 8" in dialog.status.text()
    assert not (tmp_path / "x.xlsx").exists()
    assert _exports(ctx) == 0


def test_registers_without_a_natural_key_offer_no_import(
    qtbot: QtBot, ctx: OpContext, hindi: Language
) -> None:
    view = RegisterView(ctx, "counselling_case", hindi)
    qtbot.addWidget(view)
    assert view.import_button.isHidden()
    assert not view.export_button.isHidden()
