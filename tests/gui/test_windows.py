"""Login, the main window and today's work, driven through real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from msk_desktop.gui.dashboard import TARGET_ROLE, Dashboard
from msk_desktop.gui.language import Language
from msk_desktop.gui.login import LoginDialog
from msk_desktop.gui.main_window import MainWindow
from msk_desktop.gui.register_view import RegisterView
from msk_desktop.gui.roster_grid import RosterGrid
from msk_desktop.gui.translations import QtTranslations, build_translations, translations_dir
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.fir import register_fir
from msk_desktop.store.layout import DataLayout
from tests.gui.conftest import PASSWORD, child, top


def test_wrong_password_is_told_and_right_one_logs_in(
    qtbot: QtBot, ctx: OpContext, layout: DataLayout
) -> None:
    ctx.db.close()
    language = Language("hi")
    dialog = LoginDialog(layout, language, str(layout.root))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.username, "fake.incharge")
    qtbot.keyClicks(dialog.password, "not the password")
    qtbot.mouseClick(dialog.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=10000)
    assert "गलत" in dialog.message.text()
    assert dialog.password.text() == ""  # cleared for the next try
    qtbot.keyClicks(dialog.password, PASSWORD)
    with qtbot.waitSignal(dialog.logged_in, timeout=10000) as logged_in:
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # Enter logs in
    context = logged_in.args[0]
    assert isinstance(context, OpContext) and context.actor.username == "fake.incharge"
    context.db.close()


def test_language_switch_changes_visible_text(qtbot: QtBot, ctx: OpContext) -> None:
    language = Language("hi")
    window = MainWindow(ctx, language, "परीक्षण थाना / Test Thana")
    qtbot.addWidget(window)
    assert window.nav.item(0).text() == "आज का कार्य"
    assert "मिशन शक्ति केन्द्र" in window.windowTitle()
    view = window.show_register("fir")
    assert isinstance(view, RegisterView)
    assert view.new_button.text() == "नई प्रविष्टि"
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "क्रमांक"
    window.language_actions["en"].trigger()
    assert window.nav.item(0).text() == "Today's work"
    assert "Mission Shakti Kendra" in window.windowTitle()
    assert view.new_button.text() == "New entry"
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "Serial"
    assert "Changes not yet sent" in window.pending.text()


def test_overdue_investigation_is_on_the_dashboard_and_opens(qtbot: QtBot, ctx: OpContext) -> None:
    register_fir(
        ctx,
        {
            "crime_no": 7,
            "crime_year": 2025,
            "registered_at": "2025-08-01 10:00",
            "offence_date": "2025-07-31",
            "status": "under_investigation",
            "io_name": "SI Fake",
        },
        ["BNS 64"],
        [{"age": 24, "gender": "female"}],
    )
    language = Language("en")
    window = MainWindow(ctx, language, "Test Thana")
    qtbot.addWidget(window)
    window.show()
    dashboard = window.view("dashboard")
    assert isinstance(dashboard, Dashboard)
    deadlines = top(dashboard.tree, 0)
    texts = [child(deadlines, i).text(2) for i in range(deadlines.childCount())]
    # Registered 01-08-2025, 60 days → due 30-09-2025; on 20-11-2025 it is 51 days overdue.
    overdue = "Investigation (60 days): overdue by 51 days"
    assert overdue in texts
    row = child(deadlines, texts.index(overdue))
    assert row.data(0, TARGET_ROLE)[0] == "fir"
    dashboard.tree.itemDoubleClicked.emit(row, 0)
    fir_view = window.views["fir"]
    assert isinstance(fir_view, RegisterView)
    assert window.stack.currentWidget() is fir_view
    dialogs = [w for w in fir_view.findChildren(type(fir_view.new_entry())) if w.isVisible()]
    assert any(d.inputs["crime_no"].value() == "7" for d in dialogs)


def test_a_save_refreshes_the_dashboard_and_status_bar(qtbot: QtBot, ctx: OpContext) -> None:
    language = Language("en")
    window = MainWindow(ctx, language, "Test Thana")
    qtbot.addWidget(window)
    window.show()
    dashboard = window.view("dashboard")
    assert isinstance(dashboard, Dashboard)
    before = window.pending.text()
    assert top(dashboard.tree, 0).childCount() == 0
    register_fir(
        ctx,
        {
            "crime_no": 8,
            "crime_year": 2025,
            "registered_at": "2025-09-25 10:00",
            "offence_date": "2025-09-24",
            "status": "under_investigation",
        },
        ["POCSO 4"],
        [{"age": 12, "gender": "female"}],
    )
    first = top(dashboard.tree, 0).childCount()
    assert first > 0
    assert window.pending.text() != before
    # While another view is on screen the dashboard waits, and catches up when shown again.
    window.show_register("fir")
    assert not dashboard.isVisible()
    register_fir(
        ctx,
        {
            "crime_no": 9,
            "crime_year": 2025,
            "registered_at": "2025-09-26 10:00",
            "offence_date": "2025-09-25",
            "status": "under_investigation",
        },
        ["POCSO 4"],
        [{"age": 13, "gender": "female"}],
    )
    assert top(dashboard.tree, 0).childCount() == first
    window.show_register("dashboard")
    assert top(dashboard.tree, 0).childCount() == 2 * first


OK_CANCEL = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel


def test_qt_own_buttons_follow_the_language(qtbot: QtBot) -> None:
    built = build_translations()
    assert translations_dir() / "qt_hi.qm" in built
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    language = Language("hi")
    translations = QtTranslations(app, language)
    assert translations.available and translations.installed
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    texts = {b.text() for b in box.buttons()}
    assert texts == {"ठीक है", "रद्द करें"}
    language.set("en")
    english = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(english)
    assert {b.text() for b in english.buttons()} == {"OK", "Cancel"}
    assert not translations.installed


def test_integrity_check_and_backup_run_after_login(qtbot: QtBot, ctx: OpContext) -> None:
    window = MainWindow(ctx, Language("en"), "Test Thana")
    qtbot.addWidget(window)
    window.start_background_checks()
    qtbot.waitUntil(lambda: "Database OK" in window.statusBar().currentMessage(), timeout=15000)
    assert "backup written" in window.statusBar().currentMessage()
    assert list(ctx.db.layout.backups_dir.glob("*-daily.msk"))


def test_the_weekly_roster_grid_is_in_the_navigation(qtbot: QtBot, ctx: OpContext) -> None:
    language = Language("hi")
    window = MainWindow(ctx, language, "Test Thana")
    qtbot.addWidget(window)
    assert window.nav.item(1).text() == "साप्ताहिक ड्यूटी रोस्टर"
    window.nav.setCurrentRow(1)
    grid = window.stack.currentWidget()
    assert isinstance(grid, RosterGrid)
    assert grid.copy_button.text() == "पिछले सप्ताह की प्रतिलिपि"
    language.set("en")
    assert window.nav.item(1).text() == "Weekly duty roster"
    assert grid.copy_button.text() == "Copy last week"
