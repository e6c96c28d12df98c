"""People and the victim's secret, through real widgets: the users screen, the login wait, the
idle screen lock, the timed identity reveal and the audit viewer."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from msk_desktop.domain.errors import WrongPassword
from msk_desktop.gui.audit_view import AuditDialog
from msk_desktop.gui.history_pane import HistoryPane
from msk_desktop.gui.identity_reveal import IdentityReveal
from msk_desktop.gui.language import Language
from msk_desktop.gui.login import LoginDialog
from msk_desktop.gui.main_window import MainWindow
from msk_desktop.gui.password_forms import FormDialog, PasswordFormDialog
from msk_desktop.gui.session_guard import IdleLock, show_login_summary
from msk_desktop.gui.users_view import UsersDialog
from msk_desktop.ops.context import OpContext, Role
from msk_desktop.ops.fir import register_fir
from msk_desktop.ops.station import add_user, login, setup_station
from msk_desktop.ops.station_settings import SecuritySettings, set_security_settings
from msk_desktop.store.keyslots import KdfCost
from msk_desktop.store.layout import DataLayout
from tests.gui.conftest import NOW, PASSWORD, child, top

VICTIM = "Fakename Victimova"
VICTIM_PHONE = "9000011111"
COMPLAINANT = "Fakename Complainer"
SI_PASSWORD = "si-gui-password"


def _save(dialog: FormDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _cells(table: QTableWidget) -> list[str]:
    return [
        item.text()
        for r in range(table.rowCount())
        for c in range(table.columnCount())
        if (item := table.item(r, c)) is not None
    ]


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def _fir_with_identity(ctx: OpContext) -> str:
    return register_fir(
        ctx,
        {
            "crime_no": 9,
            "crime_year": 2025,
            "registered_at": "2025-08-01 10:00",
            "offence_date": "2025-07-31",
            "status": "under_investigation",
            "io_name": "SI Fake",
        },
        ["BNS 64"],
        [{"age": 24, "gender": "female", "identity": {"name": VICTIM, "phone": VICTIM_PHONE}}],
        complainant={"name": COMPLAINANT},
    ).entity_id


@pytest.fixture
def si(ctx: OpContext, layout: DataLayout, fast_cost: KdfCost) -> Iterator[OpContext]:
    add_user(ctx, "fake.si", "Fake SI (काल्पनिक)", Role.SUB_INSPECTOR, SI_PASSWORD, fast_cost)
    context = login(layout, "fake.si", SI_PASSWORD, lambda: NOW)
    yield context
    context.db.close()


# ---- users screen ---------------------------------------------------------------------------


def test_administration_menu_follows_the_role(qtbot: QtBot, ctx: OpContext, si: OpContext) -> None:
    hindi = Language("hi")
    boss = MainWindow(ctx, hindi, "Test Thana")
    qtbot.addWidget(boss)
    assert boss.admin_menu.title() == "प्रशासन"
    assert boss.users_action.text() == "उपयोगकर्ता"
    assert boss.audit_action.text() == "ऑडिट लॉग"
    assert boss.users_action.isEnabled() and boss.audit_action.isEnabled()
    helper = MainWindow(si, Language("en"), "Test Thana")
    qtbot.addWidget(helper)
    assert helper.admin_menu.title() == "Administration"
    assert not helper.users_action.isEnabled() and not helper.audit_action.isEnabled()
    dialog = boss.open_users()
    assert isinstance(dialog, UsersDialog)
    assert boss.open_audit_log().isVisible()


def test_users_screen_adds_disables_enables_and_resets(
    qtbot: QtBot, ctx: OpContext, layout: DataLayout, fast_cost: KdfCost
) -> None:
    screen = UsersDialog(ctx, Language("en"), cost=fast_cost)
    qtbot.addWidget(screen)
    assert screen.table.rowCount() == 1
    add = screen.add()
    assert isinstance(add, PasswordFormDialog)
    add.username.setText("fake.hd")  # type: ignore[attr-defined]
    add.full_name.setText("Fake Helpdesk")  # type: ignore[attr-defined]
    add.password.setText("short")
    add.repeat.setText("short")
    _save(add)
    assert "10 characters" in add.message.text()
    assert screen.table.rowCount() == 1  # nothing saved
    add.password.setText("fake.hd")
    add.repeat.setText("other")
    _save(add)
    assert "differ" in add.message.text()
    add.password.setText("helpdesk phrase")
    add.repeat.setText("helpdesk phrase")
    _save(add)
    assert screen.table.rowCount() == 2
    assert "fake.hd" in _cells(screen.table)
    # Disable: the button is off for the in-charge's own row.
    screen.select_user("fake.incharge")
    assert not screen.disable_button.isEnabled()
    screen.select_user("fake.hd")
    assert screen.disable_button.isEnabled() and not screen.enable_button.isEnabled()
    screen.disable_button.click()
    assert "Disabled" in _cells(screen.table)
    with pytest.raises(WrongPassword):
        login(layout, "fake.hd", "helpdesk phrase")
    screen.select_user("fake.hd")
    enable = screen.enable()
    assert isinstance(enable, PasswordFormDialog)
    enable.password.setText("helpdesk new phrase")
    enable.repeat.setText("helpdesk new phrase")
    _save(enable)
    assert "Disabled" not in _cells(screen.table)
    screen.select_user("fake.hd")
    reset = screen.reset()
    assert isinstance(reset, PasswordFormDialog)
    reset.password.setText("helpdesk third phrase")
    reset.repeat.setText("helpdesk third phrase")
    _save(reset)
    login(layout, "fake.hd", "helpdesk third phrase").db.close()


def test_users_screen_saves_the_security_settings(qtbot: QtBot, ctx: OpContext) -> None:
    screen = UsersDialog(ctx, Language("hi"))
    qtbot.addWidget(screen)
    assert screen.idle_minutes.value() == 10 and screen.reveal_seconds.value() == 60
    screen.idle_minutes.setValue(3)
    screen.reveal_seconds.setValue(20)
    screen.save_settings_button.click()
    assert "सहेजा गया" in screen.message.text()
    again = UsersDialog(ctx, Language("hi"))
    qtbot.addWidget(again)
    assert again.idle_minutes.value() == 3 and again.reveal_seconds.value() == 20


# ---- login wait -------------------------------------------------------------------------------


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _try(qtbot: QtBot, dialog: LoginDialog, password: str) -> None:
    dialog.message.clear()
    dialog.password.setText(password)
    dialog.button.click()
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=10000)


def test_login_window_shows_the_wait_and_refuses_until_it_passes(
    qtbot: QtBot, ctx: OpContext, layout: DataLayout
) -> None:
    ctx.db.close()
    clock = Clock(NOW)
    dialog = LoginDialog(layout, Language("en"), str(layout.root), clock)
    qtbot.addWidget(dialog)
    dialog.username.setText("fake.incharge")
    for _ in range(5):
        _try(qtbot, dialog, "not the password")
        assert "wrong" in dialog.message.text()
    assert dialog.button.isEnabled()
    _try(qtbot, dialog, PASSWORD)  # right password, but the wait has begun
    assert "Try again in 0:30" in dialog.message.text()
    assert not dialog.button.isEnabled()
    assert dialog.wait_timer.isActive()
    dialog.try_login()  # Enter in the field while waiting does nothing
    assert dialog.context is None
    clock.now += timedelta(seconds=20)
    dialog.tick()
    assert "0:10" in dialog.message.text() and not dialog.button.isEnabled()
    clock.now += timedelta(seconds=10)
    dialog.tick()
    assert dialog.button.isEnabled() and dialog.message.text() == ""
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.logged_in, timeout=10000) as logged_in:
        dialog.button.click()
    context = logged_in.args[0]
    assert isinstance(context, OpContext)
    window = MainWindow(context, Language("en"), "Test Thana")
    qtbot.addWidget(window)
    label = show_login_summary(window, context, Language("en"))
    assert "wrong passwords since: 5" in label.text()
    assert "first time" in label.text()
    context.db.close()


def test_a_restarted_login_window_still_waits(
    qtbot: QtBot, ctx: OpContext, layout: DataLayout
) -> None:
    ctx.db.close()
    clock = Clock(NOW)
    first = LoginDialog(layout, Language("hi"), str(layout.root), clock)
    qtbot.addWidget(first)
    first.username.setText("fake.incharge")
    for _ in range(5):
        _try(qtbot, first, "not the password")
    second = LoginDialog(layout, Language("hi"), str(layout.root), clock)  # after a restart
    qtbot.addWidget(second)
    second.username.setText("fake.incharge")
    _try(qtbot, second, PASSWORD)
    assert "मिनट बाद फिर प्रयास" in second.message.text()


def test_recovery_key_dialog_logs_the_in_charge_in(
    qtbot: QtBot, layout: DataLayout, fast_cost: KdfCost
) -> None:
    station = {"code": "GUI-02", "name_hi": "थाना", "name_en": "T", "district": "D", "circle": "C"}
    ctx, recovery = setup_station(layout, station, "boss", "Fake Boss", "lost-password", fast_cost)
    ctx.db.close()
    dialog = LoginDialog(layout, Language("en"), str(layout.root))
    qtbot.addWidget(dialog)
    recover = dialog.recover()
    recover.recovery_key.setText(recovery)
    recover.username.setText("boss")
    recover.password.setText("found-a-new-phrase")
    recover.repeat.setText("found-a-new-phrase")
    with qtbot.waitSignal(dialog.logged_in, timeout=10000) as logged_in:
        _save(recover)
    context = logged_in.args[0]
    assert isinstance(context, OpContext) and context.actor.username == "boss"
    context.db.close()
    login(layout, "boss", "found-a-new-phrase").db.close()


# ---- idle lock --------------------------------------------------------------------------------


def test_idle_lock_needs_the_same_users_password(qtbot: QtBot, ctx: OpContext) -> None:
    window = MainWindow(ctx, Language("en"), "Test Thana")
    qtbot.addWidget(window)
    window.show()
    guard = IdleLock(window, ctx, Language("en"), timeout_ms=300)
    try:
        qtbot.waitUntil(lambda: guard.locked, timeout=5000)  # no input: it locks
        central = window.centralWidget()
        assert central is not None and not central.isVisible()
        dialog = guard.dialog
        assert dialog is not None
        dialog.reject()  # Esc does not close it
        assert guard.locked and dialog.isVisible()
        dialog.password.setText("not the password")
        dialog.unlock_button.click()
        qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=10000)
        assert "wrong" in dialog.message.text() and guard.locked
        dialog.password.setText(PASSWORD)
        dialog.unlock_button.click()
        qtbot.waitUntil(lambda: not guard.locked, timeout=10000)
        assert central.isVisible()
        assert guard.timer.isActive()  # counting again
    finally:
        guard.stop()
    with ctx.db.read() as session:
        actions = list(
            session.execute(
                text("SELECT action FROM audit_log WHERE action LIKE 'screen.%' ORDER BY seq")
            ).scalars()
        )
    assert actions == ["screen.lock", "screen.unlock_failed", "screen.unlock"]


def test_open_windows_are_hidden_while_locked(qtbot: QtBot, ctx: OpContext) -> None:
    window = MainWindow(ctx, Language("en"), "Test Thana")
    qtbot.addWidget(window)
    window.show()
    users = window.open_users()
    assert users.isVisible()
    guard = IdleLock(window, ctx, Language("en"), timeout_ms=60_000)
    try:
        dialog = guard.lock()
        assert not users.isVisible() and dialog.isVisible()
        assert dialog.windowModality() is Qt.WindowModality.ApplicationModal
        dialog.password.setText(PASSWORD)
        dialog.unlock_button.click()
        qtbot.waitUntil(lambda: not guard.locked, timeout=10000)
        assert users.isVisible()
    finally:
        guard.stop()


def _restarts_the_countdown(
    qtbot: QtBot, guard: IdleLock, user_input: Callable[[], object]
) -> bool:
    """Whether ``user_input`` puts the idle countdown back to its full length (measured on the
    timer itself, so a slow, busy test machine cannot make the answer wrong)."""
    qtbot.wait(300)
    before = guard.timer.remainingTime()
    user_input()
    return guard.timer.remainingTime() >= before + 200


def test_key_presses_and_mouse_moves_anywhere_count_as_activity(
    qtbot: QtBot, ctx: OpContext
) -> None:
    window = MainWindow(ctx, Language("en"), "Test Thana")
    qtbot.addWidget(window)
    window.show()
    other = UsersDialog(ctx, Language("en"))  # another window of the app
    qtbot.addWidget(other)
    other.show()
    guard = IdleLock(window, ctx, Language("en"), timeout_ms=60_000)
    key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier)
    try:
        assert _restarts_the_countdown(
            qtbot, guard, lambda: QApplication.sendEvent(window.nav, key)
        )
        assert _restarts_the_countdown(
            qtbot, guard, lambda: QApplication.sendEvent(other.table, key)
        )
        assert _restarts_the_countdown(
            qtbot, guard, lambda: qtbot.mouseMove(window.nav, QPoint(7, 9))
        )
        # Not input: a repaint is no sign of a person at the keyboard.
        assert not _restarts_the_countdown(qtbot, guard, window.nav.update)
        assert not guard.locked
    finally:
        guard.stop()


def test_idle_time_comes_from_the_station_setting(qtbot: QtBot, ctx: OpContext) -> None:
    set_security_settings(ctx, SecuritySettings(idle_lock_minutes=3, reveal_seconds=60))
    window = MainWindow(ctx, Language("en"), "Test Thana")
    qtbot.addWidget(window)
    guard = IdleLock(window, ctx, Language("en"))
    assert guard.timer.interval() == 3 * 60_000
    guard.stop()


# ---- identity reveal ---------------------------------------------------------------------------


def test_reveal_shows_the_identity_for_a_limited_time(qtbot: QtBot, ctx: OpContext) -> None:
    fir_id = _fir_with_identity(ctx)
    set_security_settings(ctx, SecuritySettings(idle_lock_minutes=10, reveal_seconds=10))
    panel = IdentityReveal(ctx, fir_id, Language("en"))
    qtbot.addWidget(panel)
    panel.show()
    assert VICTIM not in panel.shown.text()
    ask = panel.ask()
    assert ask is not None
    ask.reason.setText("short")
    _save(ask)
    assert "10 characters" in ask.message.text()
    assert not panel.shown.isVisible()
    ask.reason.setText("verification for the charge sheet")
    _save(ask)
    assert panel.shown.isVisible()
    assert VICTIM in panel.shown.text() and COMPLAINANT in panel.shown.text()
    assert "10 seconds" in panel.shown.text()
    assert panel.timer.isActive() and panel.timer.interval() == 10_000
    panel.timer.start(50)  # the same timer, run short so the test need not wait 10 s
    qtbot.waitUntil(lambda: not panel.shown.isVisible(), timeout=3000)
    assert VICTIM not in panel.shown.text()


def test_closing_the_entry_hides_the_identity_at_once(qtbot: QtBot, ctx: OpContext) -> None:
    fir_id = _fir_with_identity(ctx)
    panel = IdentityReveal(ctx, fir_id, Language("hi"))
    qtbot.addWidget(panel)
    panel.show()
    ask = panel.ask()
    assert ask is not None
    ask.reason.setText("आरोप पत्र हेतु सत्यापन")
    _save(ask)
    assert VICTIM in panel.shown.text()
    panel.hide()
    assert panel.shown.text() == "" and not panel.timer.isActive()


def test_the_idle_lock_hides_a_revealed_identity_at_once(qtbot: QtBot, ctx: OpContext) -> None:
    fir_id = _fir_with_identity(ctx)
    window = MainWindow(ctx, Language("en"), "Test Thana")
    qtbot.addWidget(window)
    panel = IdentityReveal(ctx, fir_id, Language("en"))
    qtbot.addWidget(panel)
    panel.show()
    ask = panel.ask()
    assert ask is not None
    ask.reason.setText("verification for the charge sheet")
    _save(ask)
    assert VICTIM in panel.shown.text()
    guard = IdleLock(window, ctx, Language("en"), timeout_ms=60_000)
    try:
        guard.lock()
        assert panel.shown.text() == "" and not panel.timer.isActive()
    finally:
        guard.stop()


def test_the_fir_history_offers_reveal_only_to_the_in_charge(
    qtbot: QtBot, ctx: OpContext, si: OpContext
) -> None:
    fir_id = _fir_with_identity(ctx)
    boss = HistoryPane(ctx, "fir", fir_id, Language("en"))
    qtbot.addWidget(boss)
    boss.show()
    assert boss.identity.isVisible()
    helper = HistoryPane(si, "fir", fir_id, Language("en"))
    qtbot.addWidget(helper)
    helper.show()
    assert not helper.identity.isVisible()
    groups = [top(helper.tree, i) for i in range(helper.tree.topLevelItemCount())]
    shown = [g.text(0) for g in groups] + [
        child(g, j).text(0) for g in groups for j in range(g.childCount())
    ]
    assert any("पीड़िता" in t or "V-" in t or "Victim" in t for t in shown)
    assert not any(VICTIM in t or VICTIM_PHONE in t for t in shown)


def test_the_in_charge_lifts_a_default_protection_and_the_si_then_sees_it(
    qtbot: QtBot, ctx: OpContext, si: OpContext
) -> None:
    statutory = _fir_with_identity(ctx)  # BNS 64: the law forbids lifting
    panel = IdentityReveal(ctx, statutory, Language("en"))
    qtbot.addWidget(panel)
    assert panel.lift_button.isHidden()
    adult = register_fir(
        ctx,
        {
            "crime_no": 10,
            "crime_year": 2025,
            "registered_at": "2025-08-02 10:00",
            "offence_date": "2025-08-01",
            "status": "under_investigation",
        },
        ["BNS 85"],
        [{"age": 30, "gender": "female", "identity": {"name": VICTIM}}],
    ).entity_id
    boss = IdentityReveal(ctx, adult, Language("en"))
    qtbot.addWidget(boss)
    boss.show()
    assert boss.lift_button.isVisible() and boss.lift_button.text() == "Lift identity protection"
    lift = boss.lift_or_restore()
    assert lift is not None
    lift.reason.setText("the victim asked in writing to be named")
    _save(lift)
    assert boss.lift_button.text() == "Protect the identity again"
    officer = IdentityReveal(si, adult, Language("en"))
    qtbot.addWidget(officer)
    officer.show()
    assert officer.button.isVisible() and officer.lift_button.isHidden()
    assert officer.ask() is None  # no reason asked: the case is open to the station's staff
    assert VICTIM in officer.shown.text()
    boss.lift_or_restore()  # protected again
    again = IdentityReveal(si, adult, Language("en"))
    qtbot.addWidget(again)
    assert again.isHidden()


# ---- audit viewer ----------------------------------------------------------------------------


def test_audit_viewer_pages_filters_and_never_shows_identity(qtbot: QtBot, ctx: OpContext) -> None:
    fir_id = _fir_with_identity(ctx)
    panel = IdentityReveal(ctx, fir_id, Language("en"))
    qtbot.addWidget(panel)
    ask = panel.ask()
    assert ask is not None
    ask.reason.setText("verification for the charge sheet")
    _save(ask)
    viewer = AuditDialog(ctx, Language("en"), page_size=2)
    qtbot.addWidget(viewer)
    total = viewer.page.total
    assert total >= 4 and viewer.table.rowCount() == 2
    assert "of" in viewer.position.text() and viewer.next_button.isEnabled()
    assert _cell(viewer.table, 0, 2) == "identity.reveal"  # newest first
    when = _cell(viewer.table, 0, 0)
    assert len(when) == 16 and when[2] == "-" and when[5] == "-"  # DD-MM-YYYY HH:MM
    seen = list(_cells(viewer.table))
    while viewer.next_button.isEnabled():
        viewer.next_button.click()
        seen += _cells(viewer.table)
    assert "Parallel FIR register" in seen  # the register by its title
    assert any(cell.startswith("insert fir:") for cell in seen)  # which fields, not values
    for secret in (VICTIM, VICTIM_PHONE, COMPLAINANT, "charge sheet"):
        assert not any(secret in cell for cell in seen), secret
    viewer.action_filter.setCurrentIndex(viewer.action_filter.findData("fir.register"))
    viewer.apply_filters()
    assert viewer.page.total == 1
    viewer.first_day.setText("not a date")
    viewer.apply_filters()
    assert "DD-MM-YYYY" in viewer.message.text()
    viewer.first_day.setText("01-01-2030")
    viewer.apply_filters()
    assert viewer.page.total == 0 and viewer.table.rowCount() == 0


def test_verify_button_names_the_first_broken_entry(qtbot: QtBot, ctx: OpContext) -> None:
    viewer = AuditDialog(ctx, Language("en"))
    qtbot.addWidget(viewer)
    viewer.verify_button.click()
    assert "intact" in viewer.verify_result.text()
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET action = 'edited' WHERE seq = 2"))
    viewer.verify_button.click()
    assert "broken at entry 2" in viewer.verify_result.text()
