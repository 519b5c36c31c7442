"""A table model over a million rows: COUNT(*) for the row count, 200-row blocks on demand.

The rows stay in the database, sorted and filtered there by a :class:`PagedQuery`
(desktop/services/paging.py); the model keeps only the blocks the view has looked at lately in
a small LRU cache (20 blocks = 4,000 rows), so memory does not grow with the list. A block is
fetched the first time ``data()`` needs one of its rows: one indexed query of a few
milliseconds, which keeps each screenful well under the 100 ms budget without a worker thread
(a thread would add signals and placeholder rows for no measurable gain at this cost).
``data()`` never raises: a failed fetch is logged once per block and shows empty cells.

``QSortFilterProxyModel`` is for small in-memory lists only (STYLE.md); sort and filter here
re-query in SQL. :meth:`refresh` keeps the selected rows (by id) and the scroll position.

With ``reveal_personal=False`` the columns whose spec names personal data (``ColumnSpec.mask``)
show masked values in every role (desktop/services/masking.py), so nothing read through the
model reveals more than the list shows.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView

from desktop.services.masking import mask_value
from desktop.services.paging import BY_ID, NO_FILTER, ColumnSpec, Filter, PagedQuery, Sort

log = logging.getLogger(__name__)

BLOCK_SIZE = 200
MAX_BLOCKS = 20
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # data(index, ID_ROLE) -> the row's id
HIGHLIGHT = QColor("#fdecc8")  # a soft amber: noticeable, and the selection colour still shows
# Row tints by the value of the highlight column: a tone name, or any other truthy value (amber).
TONES = {"overdue": QColor("#f8d7da"), "due_soon": HIGHLIGHT, "done": QColor("#e2f0d9")}


def format_value(value: Any, kind: str) -> str:
    """How a value of a column kind is shown in a list cell."""
    if value is None:
        return ""
    if kind == "datetime" and isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if kind in ("date", "datetime") and isinstance(value, date):
        return value.isoformat()
    if kind == "bool":
        return "是" if value else "否"
    if kind == "int" and isinstance(value, int):
        return str(value)
    text = str(value)
    # One line per cell: a long summary's line breaks would make rows of uneven height.
    return text.replace("\r\n", " ").replace("\n", " ") if "\n" in text else text


class LazyTableModel(QAbstractTableModel):
    """Windowed, read-only table model over a :class:`PagedQuery`. UI thread only.

    A failed count or fetch (the database went away) is logged, leaves the rows empty and sets
    :attr:`load_error`, announced by ``load_failed``; the next successful count clears it."""

    load_failed = Signal(str)  # the exception's text

    def __init__(self, query: PagedQuery, parent=None, *, sort: Sort = BY_ID, filter: Filter = NO_FILTER,
                 block_size: int = BLOCK_SIZE, max_blocks: int = MAX_BLOCKS, reveal_personal: bool = True,
                 highlight_key: str | None = None) -> None:
        super().__init__(parent)
        # Rows whose ``highlight_key`` column is truthy are tinted (e.g. repeat calls in the list).
        keys = [c.key for c in query.columns]
        self._highlight = keys.index(highlight_key) + 1 if highlight_key in keys else None
        self.query = query
        self.columns: tuple[ColumnSpec, ...] = query.columns
        self.block_size = block_size
        self.max_blocks = max(2, max_blocks)
        self._sort = sort
        self._filter = filter
        self._reveal_personal = bool(reveal_personal)
        self._blocks: OrderedDict[int, list[tuple]] = OrderedDict()
        self._failed: set[int] = set()
        self._error: str | None = None
        self._count = self._safe_count()

    # ------------------------------------------------------------------ state

    @property
    def current_sort(self) -> Sort:
        return self._sort

    @property
    def current_filter(self) -> Filter:
        return self._filter

    @property
    def load_error(self) -> str | None:
        """Why the last count or fetch failed, or None when the rows were read."""
        return self._error

    @property
    def reveal_personal(self) -> bool:
        """False: columns holding personal data (``ColumnSpec.mask``) show masked values."""
        return self._reveal_personal

    @reveal_personal.setter
    def reveal_personal(self, value: bool) -> None:
        value = bool(value)
        if value == self._reveal_personal:
            return
        self._reveal_personal = value
        if self._count and self.columns:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(self.columns) - 1))

    def masked(self, column: int, value: Any) -> Any:
        """``value`` of logical ``column`` as this model may show it (masked where it must)."""
        spec = self.columns[column]
        if self._reveal_personal or spec.mask is None:
            return value
        return mask_value(spec.mask, value)

    @property
    def cached_blocks(self) -> int:
        return len(self._blocks)

    def set_filter(self, filter: Filter) -> None:
        """Show the rows matching ``filter`` (counted and sorted in SQL)."""
        self.beginResetModel()
        self._filter = filter
        self._reset_cache()
        self._count = self._safe_count()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Qt override: re-query sorted by ``column`` (ties by id); -1 means by id."""
        if column < 0 or column >= len(self.columns):
            new = Sort(None, order == Qt.SortOrder.DescendingOrder)
        else:
            spec = self.columns[column]
            if not spec.sortable:
                return
            new = Sort(spec.key, order == Qt.SortOrder.DescendingOrder)
        if new == self._sort:
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = new
        self._reset_cache()
        # Rows are now other rows: persistent indexes cannot follow them without reading every
        # id, so they are invalidated, as a reset would.
        for index in self.persistentIndexList():
            self.changePersistentIndex(index, QModelIndex())
        self.layoutChanged.emit()

    def refresh(self, view: QAbstractItemView | None = None) -> None:
        """Re-read count and rows (after a change). With ``view``, the selected ids stay selected,
        the current row stays current and the row at the top stays at the top where they still
        exist."""
        selected_ids: list[Any] = []
        current_id = top_id = None
        scroll = 0
        selection = view.selectionModel() if view is not None else None
        if view is not None:
            rows = sorted({i.row() for i in selection.selectedIndexes()}) if selection is not None else []
            selected_ids = [i for i in self.ids_for_rows(rows) if i is not None]
            current = view.currentIndex()
            current_id = self.id_of_row(current.row()) if current.isValid() else None
            top = view.indexAt(view.viewport().rect().topLeft())
            top_id = self.id_of_row(top.row()) if top.isValid() else None
            scroll = view.verticalScrollBar().value()

        self.beginResetModel()
        self.query.forget_anchors()
        self._reset_cache()
        self._count = self._safe_count()
        self.endResetModel()

        if view is None:
            return
        if selection is not None:
            new_selection = QItemSelection()
            last = self.columnCount() - 1
            for row_id in selected_ids:
                row = self.row_of_id(row_id)
                if row is not None:
                    new_selection.select(self.index(row, 0), self.index(row, last))
            if current_id is not None and (row := self.row_of_id(current_id)) is not None:
                selection.setCurrentIndex(self.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
            selection.select(new_selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        top_row = self.row_of_id(top_id) if top_id is not None else None
        if top_row is not None:
            view.scrollTo(self.index(top_row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        else:
            view.verticalScrollBar().setValue(scroll)

    # ------------------------------------------------------------------ ids

    def id_of_row(self, row: int) -> Any:
        """The id of ``row`` (fetching its block if needed), or None."""
        found = self._row(row)
        return found[0] if found is not None else None

    def ids_for_rows(self, rows: Iterable[int]) -> list[Any]:
        """The ids of ``rows`` (None for rows that do not exist), in the given order."""
        return [self.id_of_row(r) for r in rows]

    def row_of_id(self, row_id: Any) -> int | None:
        """The row showing ``row_id`` under the current filter and sort, or None. Looks in the
        cached blocks first, then asks the database (two small queries)."""
        for start, rows in self._blocks.items():
            for i, r in enumerate(rows):
                if r[0] == row_id:
                    return start * self.block_size + i
        try:
            row = self.query.row_index_of(row_id, filter=self._filter, sort=self._sort)
        except Exception:
            log.exception("row_index_of(%r) failed", row_id)
            return None
        return row if row is not None and row < self._count else None

    # ------------------------------------------------------------------ Qt overrides

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if (role == Qt.ItemDataRole.InitialSortOrderRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.columns)):
            # A first click on a time column shows the newest first: what a duty desk looks for.
            descending = self.columns[section].kind in ("datetime", "date")
            # An int: QHeaderView reads this role with canConvert<int>().
            return (Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder).value
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        try:
            if not index.isValid() or index.column() >= len(self.columns):
                return None
            if role == Qt.ItemDataRole.BackgroundRole:
                if self._highlight is None:
                    return None
                row = self._row(index.row())
                value = row[self._highlight] if row is not None else None
                if not value:
                    return None
                return TONES.get(value, HIGHLIGHT) if isinstance(value, str) else HIGHLIGHT
            if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole,
                            Qt.ItemDataRole.TextAlignmentRole, ID_ROLE):
                return None
            spec = self.columns[index.column()]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                if spec.kind == "int":
                    return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                return None
            row = self._row(index.row())
            if row is None:
                return None
            if role == ID_ROLE:
                return row[0]
            value = self.masked(index.column(), row[index.column() + 1])
            if role == Qt.ItemDataRole.EditRole:
                return value
            text = format_value(value, spec.kind)
            if role == Qt.ItemDataRole.ToolTipRole:
                return text if len(text) > 30 else None
            return text
        except Exception:
            log.exception("LazyTableModel.data failed at %s,%s", index.row(), index.column())
            return None

    # ------------------------------------------------------------------ blocks

    def _row(self, row: int) -> tuple | None:
        if row < 0 or row >= self._count:
            return None
        block = self._block(row // self.block_size)
        offset = row % self.block_size
        return block[offset] if offset < len(block) else None

    def _block(self, number: int) -> list[tuple]:
        rows = self._blocks.get(number)
        if rows is not None:
            self._blocks.move_to_end(number)
            return rows
        if number in self._failed:
            return []
        try:
            rows = self.query.fetch(number * self.block_size, self.block_size, filter=self._filter, sort=self._sort)
        except Exception as exc:
            log.exception("fetching rows %d… failed", number * self.block_size)
            self._failed.add(number)
            self._set_error(exc)
            return []
        self._blocks[number] = rows
        while len(self._blocks) > self.max_blocks:
            self._blocks.popitem(last=False)
        return rows

    def _reset_cache(self) -> None:
        self._blocks.clear()
        self._failed.clear()

    def _safe_count(self) -> int:
        try:
            count = self.query.count(self._filter)
        except Exception as exc:
            log.exception("counting rows failed")
            self._set_error(exc)
            return 0
        self._error = None
        return count

    def _set_error(self, exc: Exception) -> None:
        self._error = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        self.load_failed.emit(self._error)

    def visible_specs(self, columns: Sequence[int]) -> list[ColumnSpec]:
        return [self.columns[c] for c in columns]


__all__ = ["BLOCK_SIZE", "ID_ROLE", "MAX_BLOCKS", "LazyTableModel", "format_value"]
