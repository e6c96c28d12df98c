"""What the app is compared with: the same station's data read and written by plain means.

Qt's own SQLite driver cannot read SQLCipher, so the QSqlTableModel baseline reads a plain
(unencrypted) copy of the station, exported by SQLCipher with its schema and indexes. The FTS5
baseline runs a bare MATCH through the driver on the encrypted file itself.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtSql import QSqlDatabase, QSqlTableModel
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView

from msk_desktop.ops.context import OpContext
from msk_desktop.store.search_index import ENTRY_INDEX


def plain_copy(ctx: OpContext, into: Path) -> Path:
    """Export the open station to an unencrypted SQLite file (sqlcipher_export)."""
    into.unlink(missing_ok=True)
    raw = ctx.db.engine.raw_connection()
    try:
        conn: Any = raw.driver_connection
        conn.execute(f"ATTACH DATABASE '{into}' AS plaintext KEY ''")
        conn.execute("SELECT sqlcipher_export('plaintext')")
        conn.execute("DETACH DATABASE plaintext")
    finally:
        raw.close()
    return into


class QtTable:
    """QSqlTableModel + QTableView over one table of the plain copy, drawn as ours is. Each
    ``open`` makes a new model and view, as opening our register makes a new view; the
    connection stays open, as our engine's does."""

    _count = 0

    def __init__(self, path: Path, table: str) -> None:
        QtTable._count += 1
        self.name, self.table = f"bench-{QtTable._count}", table
        self.db = QSqlDatabase.addDatabase("QSQLITE", self.name)
        self.db.setDatabaseName(str(path))
        if not self.db.open():
            raise RuntimeError(f"QSQLITE cannot open {path}: {self.db.lastError().text()}")
        self.shown: list[tuple[QSqlTableModel, QTableView]] = []

    @property
    def model(self) -> QSqlTableModel:
        return self.shown[-1][0]

    @property
    def view(self) -> QTableView:
        return self.shown[-1][1]

    def open(self) -> None:
        model = QSqlTableModel(None, self.db)
        model.setTable(self.table)
        model.setEditStrategy(QSqlTableModel.EditStrategy.OnManualSubmit)
        model.select()
        view = QTableView()
        view.setModel(model)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.resize(1280, 640)
        view.resizeColumnsToContents()
        view.show()
        QApplication.processEvents()
        self.shown.append((model, view))

    def sort(self, column: str, descending: bool) -> None:
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.view.sortByColumn(self.model.fieldIndex(column), order)
        QApplication.processEvents()

    def filter(self, where: str) -> None:
        self.model.setFilter(where)
        self.model.select()
        QApplication.processEvents()

    def close(self) -> None:
        # Qt keeps a connection "in use" while any model's query lives: free them now.
        for model, view in self.shown:
            view.close()
            shiboken6.delete(view)
            shiboken6.delete(model)
        self.shown.clear()
        self.db.close()
        del self.db
        QSqlDatabase.removeDatabase(self.name)


def fts_match(ctx: OpContext, match: str, limit: int) -> list[tuple[Any, ...]]:
    """A bare FTS5 MATCH through the driver: no SQLAlchemy, no ops, no describing of hits."""
    raw = ctx.db.engine.raw_connection()
    try:
        conn: Any = raw.driver_connection
        rows: list[tuple[Any, ...]] = conn.execute(
            f"SELECT register, entry_id FROM {ENTRY_INDEX} WHERE {ENTRY_INDEX} MATCH ? LIMIT ?",
            (match, limit),
        ).fetchall()
        return rows
    finally:
        raw.close()


def raw_writer(path: Path) -> sqlite3.Connection:
    """stdlib sqlite3 on the plain copy, durable as the app is (WAL, synchronous=FULL)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    return conn
