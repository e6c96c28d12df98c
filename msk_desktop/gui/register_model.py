"""A register as a Qt table model over SQL pages: rows arrive 200 at a time as the view
scrolls (canFetchMore/fetchMore), sorting and filtering re-query instead of loading all rows."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from msk_desktop.domain.display import display
from msk_desktop.domain.errors import Message
from msk_desktop.domain.fields import FieldSpec
from msk_desktop.gui.language import Language
from msk_desktop.ops.browse import (
    Browse,
    Prepared,
    count_entries,
    page_of_entries,
    prepare,
    table_columns,
)
from msk_desktop.ops.context import OpContext

PAGE_SIZE = 200
# A filter's count stops here ("more than 10,000"): counting every row of a filter most rows
# pass would hold up the first page (ops.browse.count_entries).
COUNT_CAP = 10_000
SERIAL = Message("क्रमांक", "Serial")
AnyIndex = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class RegisterTableModel(QAbstractTableModel):
    total_changed = Signal()  # paging found the end: a capped count is exact now

    def __init__(self, ctx: OpContext, register: str, language: Language) -> None:
        super().__init__()
        self.ctx, self.language = ctx, language
        self.columns: tuple[FieldSpec, ...] = table_columns(register)
        self.browse = Browse(register)
        self._prepared: Prepared | None = None
        self._rows: list[tuple[Any, ...]] = []
        self._total = 0
        self._counted = True  # False while the count stopped at the cap
        language.changed.connect(self._relabel)
        self.reload()

    # ---- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        prepared = prepare(self.ctx, self.browse)  # may refuse the filter: before any reset
        self.beginResetModel()
        self._prepared = prepared
        # The whole register counts at once from its index: exactly, never capped.
        cap = COUNT_CAP if prepared.query.narrowed else None
        self._total = count_entries(self.ctx, prepared, cap)
        self._counted = cap is None or self._total <= cap
        self._rows = page_of_entries(self.ctx, prepared, 0, PAGE_SIZE)
        self.endResetModel()

    def set_browse(self, browse: Browse) -> None:
        """Show ``browse``; if it is refused (a filter that cannot be) the table stays as it was."""
        previous = self.browse
        self.browse = browse
        try:
            self.reload()
        except BaseException:
            self.browse = previous
            raise

    @property
    def total(self) -> int:
        """How many rows the view shows; while ``counted`` is False, only that there are more
        than ``COUNT_CAP``."""
        return self._total

    @property
    def counted(self) -> bool:
        return self._counted

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        more = len(self._rows) < self._total or not self._counted
        return not parent.isValid() and more

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid():
            return
        assert self._prepared is not None  # reload() ran in __init__
        page = page_of_entries(self.ctx, self._prepared, len(self._rows), PAGE_SIZE)
        known = (self._total, self._counted)
        if len(page) < PAGE_SIZE:  # the last page: now the count is exact
            self._total, self._counted = len(self._rows) + len(page), True
        else:
            self._total = max(self._total, len(self._rows) + len(page))
        if page:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        if (self._total, self._counted) != known:
            self.total_changed.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        name = None if column <= 0 else self.columns[column - 1].name
        # The serial column has one order, newest first; the direction applies to the others.
        descending = name is not None and order == Qt.SortOrder.DescendingOrder
        wanted = replace(self.browse, sort_column=name, descending=descending)
        if wanted == self.browse:
            return  # e.g. the view's first request, when sorting is switched on: no re-query
        self.browse = wanted
        self.reload()

    # ---- the table -------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns) + 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row[0]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == 0:
            return f"{row[1]}/{row[2]}"
        spec = self.columns[index.column() - 1]
        return display(spec, row[index.column() + 2], self.language.code)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        label = SERIAL if section == 0 else self.columns[section - 1].label
        return self.language.text(label)

    def entry_id(self, row: int) -> str:
        return str(self._rows[row][0])

    def _relabel(self, _code: str) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1)
            )
