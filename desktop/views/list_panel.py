"""The list screen every feature screen is built from: search, filters, a lazy table, export, print.

A :class:`ListPanel` shows a :class:`PagedQuery` through a :class:`LazyTableModel`: the search box
(Ctrl+F, debounced) and the screen's own filter widgets become one :class:`Filter`; a header click
sorts in SQL; the column layout (order, widths, hidden columns, sort) is remembered per list in
QSettings; Export writes what the list shows to .xlsx and Print makes a ledger PDF for the print
preview, both in a worker with a progress dialog. Personal data is masked when the user's role
may not see it (``reveal_personal``), in the list and in every file made from it.

The panel knows nothing of the screen around it: the screen adds its filter widgets and action
buttons, listens to ``current_changed`` / ``activated`` and shows ``status_message`` where it
likes (the main window's status bar).
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import Cancelled, StationDeskError
from desktop.services.paging import ColumnSpec, Filter, PagedQuery, Sort
from desktop.views.job_runner import run_job
from desktop.views.lazy_table_model import LazyTableModel
from desktop.views.print_preview_dialog import PrintPreviewDialog
from desktop.views.table_export import export_job, pdf_job

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 300
PRINT_LIMIT = 5000  # a ledger PDF beyond this is hundreds of pages: export instead
EXPORT_DIR_KEY = "lists/export_dir"


def default_width(spec: ColumnSpec) -> int:
    """A sensible first width in pixels for a column, from its kind and the data it holds."""
    if spec.width is not None:
        return spec.width
    if spec.mask == "phone":
        return 120
    if spec.mask == "id_number":
        return 170
    if spec.mask == "name":
        return 90
    return {"datetime": 130, "date": 100, "int": 80, "bool": 60}.get(spec.kind, 160)


class ListPanel(QWidget):
    """Search box, filter slot, count, action/export/print buttons over a lazy table. UI thread."""

    current_changed = Signal(object)  # the current row's id, or None
    activated = Signal(object)  # a row's id: double-click or Enter
    status_message = Signal(str)  # a short note for the status bar (e.g. after an export)
    exported = Signal(str, int)  # path, rows: a screen may record it in the audit log
    printed = Signal(int)  # rows sent to the print preview

    def __init__(self, query: PagedQuery, *, list_key: str, title: str, settings: QSettings, reveal_personal: bool,
                 default_sort: Sort = Sort(None, True), highlight_key: str | None = None,  # noqa: B008
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.query = query
        self.list_key = list_key
        self.title = title
        self.settings = settings
        self.default_sort = default_sort
        self._equals: dict[str, Any] = {}
        self._ranges: dict[str, tuple[Any, Any]] = {}
        self._current_id: Any = None
        self._restoring = False

        self.search = QLineEdit(self)
        self.search.setObjectName("listSearch")
        self.search.setPlaceholderText(self.tr("Search… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.search.installEventFilter(self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(self._search_timer.start)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("listCount")
        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.setToolTip(self.tr("Export the rows shown to an Excel workbook"))
        self.export_button.clicked.connect(self.export)
        self.print_button = QPushButton(self.tr("Print"), self)
        self.print_button.setToolTip(self.tr("Print the rows shown"))
        self.print_button.clicked.connect(self.print_preview)

        toolbar = QHBoxLayout()
        toolbar.setContentsMargins(0, 0, 0, 0)
        toolbar.addWidget(self.search)
        self._filters = QHBoxLayout()
        self._filters.setContentsMargins(0, 0, 0, 0)
        toolbar.addLayout(self._filters)
        toolbar.addWidget(self.count_label)
        toolbar.addStretch(1)
        self._actions = QHBoxLayout()
        self._actions.setContentsMargins(0, 0, 0, 0)
        toolbar.addLayout(self._actions)
        toolbar.addWidget(self.export_button)
        toolbar.addWidget(self.print_button)

        self.model = LazyTableModel(query, self, sort=default_sort, reveal_personal=reveal_personal,
                                    highlight_key=highlight_key)
        self.model.load_failed.connect(self._update_count)
        self.view = QTableView(self)
        self._setup_view()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(toolbar)
        layout.addWidget(self.view, 1)

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_search)
        self.find_shortcut = find
        self.status_message.connect(self.show_status)

        self._restore_layout()
        self._update_count()

    # ------------------------------------------------------------------ building

    def _setup_view(self) -> None:
        view = self.view
        view.setModel(self.model)
        view.setAlternatingRowColors(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setCornerButtonEnabled(False)
        # Rows of one height: a fixed section size spares Qt measuring a million rows.
        rows = view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(view.fontMetrics().height() + 10)
        rows.hide()

        header = view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setSectionsClickable(True)
        header.setHighlightSections(False)
        header.setSortIndicatorShown(True)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_column_menu)
        # The view's own sorting is off: the panel sorts in SQL and keeps unsortable columns out.
        header.sortIndicatorChanged.connect(self._on_sort_indicator)
        header.sectionMoved.connect(self._save_layout)
        header.sectionResized.connect(self._save_layout)

        view.selectionModel().currentRowChanged.connect(self._check_current)
        view.doubleClicked.connect(self._activate)
        view.installEventFilter(self)

    def add_filter_widget(self, widget: QWidget) -> None:
        """Put a screen's filter widget (a combo box, a date range…) after the search box."""
        widget.setParent(self)
        self._filters.addWidget(widget)

    def add_action_button(self, button: QPushButton) -> None:
        """Put a screen's action button (New, Accept…) before Export and Print."""
        button.setParent(self)
        self._actions.addWidget(button)

    # ------------------------------------------------------------------ filtering

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def set_extra_filter(self, equals: dict[str, Any] | None = None,
                         ranges: dict[str, tuple[Any, Any]] | None = None) -> None:
        """The screen's filter widgets' conditions, combined with the search text (applied now)."""
        self._equals = dict(equals or {})
        self._ranges = dict(ranges or {})
        self._apply_filter()

    def current_filter(self) -> Filter:
        return Filter(text=self.search.text().strip(), equals=dict(self._equals), ranges=dict(self._ranges))

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        new = self.current_filter()
        if new == self.model.current_filter and self.model.load_error is None:
            return
        self.model.set_filter(new)
        self._after_reset()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if watched is self.search and key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                self._apply_filter()
                return True
            if watched is self.view and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._activate(self.view.currentIndex())
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ sorting

    def _on_sort_indicator(self, section: int, order: Qt.SortOrder) -> None:
        if self._restoring:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if 0 <= section < len(self.model.columns):
            spec = self.model.columns[section]
            if not spec.sortable:
                self._show_sort_indicator(self.model.current_sort)
                return
            new = Sort(spec.key, descending)
        else:
            new = Sort(None, descending)
        self._sort_model(new)
        self._save_layout()

    def _sort_model(self, sort: Sort) -> None:
        if sort == self.model.current_sort:
            return
        column = -1 if sort.key is None else [c.key for c in self.model.columns].index(sort.key)
        order = Qt.SortOrder.DescendingOrder if sort.descending else Qt.SortOrder.AscendingOrder
        self.model.sort(column, order)
        self._after_reset()

    def _show_sort_indicator(self, sort: Sort) -> None:
        header = self.view.horizontalHeader()
        column = -1 if sort.key is None else [c.key for c in self.model.columns].index(sort.key)
        order = Qt.SortOrder.DescendingOrder if sort.descending else Qt.SortOrder.AscendingOrder
        header.blockSignals(True)
        try:
            header.setSortIndicator(column, order)
        finally:
            header.blockSignals(False)

    # ------------------------------------------------------------------ column layout

    @property
    def _layout_key(self) -> str:
        return f"lists/{self.list_key}/header"

    def visible_columns(self) -> list[int]:
        """Logical numbers of the shown columns, in the order they are shown."""
        header = self.view.horizontalHeader()
        logical = (header.logicalIndex(v) for v in range(header.count()))
        return [c for c in logical if not header.isSectionHidden(c)]

    def set_column_hidden(self, column: int, hidden: bool) -> None:
        """Hide or show a column (logical number); the last shown column cannot be hidden."""
        if hidden and self.visible_columns() == [column]:
            return
        self.view.horizontalHeader().setSectionHidden(column, hidden)
        self._save_layout()

    def reset_layout(self) -> None:
        """Back to the default order, widths, visible columns and sort; forgets the saved layout."""
        header = self.view.horizontalHeader()
        self._restoring = True
        try:
            for logical in range(header.count()):
                header.setSectionHidden(logical, False)
                visual = header.visualIndex(logical)
                if visual != logical:
                    header.moveSection(visual, logical)
            self._apply_default_widths()
        finally:
            self._restoring = False
        self._show_sort_indicator(self.default_sort)
        self._sort_model(self.default_sort)
        self.settings.remove(self._layout_key)

    def column_menu(self) -> QMenu:
        """The header's context menu: a check box per column (in the order shown), then reset."""
        menu = QMenu(self)
        header = self.view.horizontalHeader()
        shown = self.visible_columns()
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            action = QAction(self.model.columns[logical].title, menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(logical))
            action.setEnabled(shown != [logical])
            action.setData(logical)
            action.toggled.connect(lambda checked, c=logical: self.set_column_hidden(c, not checked))
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.tr("Reset columns"), self.reset_layout)
        return menu

    def _show_column_menu(self, pos: QPoint) -> None:
        menu = self.column_menu()
        menu.exec(self.view.horizontalHeader().mapToGlobal(pos))
        menu.deleteLater()

    def _apply_default_widths(self) -> None:
        header = self.view.horizontalHeader()
        for logical, spec in enumerate(self.model.columns):
            header.resizeSection(logical, default_width(spec))

    def _restore_layout(self) -> None:
        header = self.view.horizontalHeader()
        self._restoring = True
        try:
            self._apply_default_widths()
            state = self.settings.value(self._layout_key)
            if isinstance(state, bytes | bytearray):
                state = QByteArray(bytes(state))
            restored = isinstance(state, QByteArray) and not state.isEmpty() and header.restoreState(state)
            if not restored:
                self._show_sort_indicator(self.default_sort)
        finally:
            self._restoring = False
        section, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        descending = order == Qt.SortOrder.DescendingOrder
        if 0 <= section < len(self.model.columns) and self.model.columns[section].sortable:
            sort = Sort(self.model.columns[section].key, descending)
        elif restored and not 0 <= section < len(self.model.columns):
            sort = Sort(None, descending)
        else:
            sort = self.default_sort
            self._show_sort_indicator(sort)
        self._sort_model(sort)
        if not self.visible_columns():  # a damaged state must not leave an empty table
            header.setSectionHidden(0, False)

    def _save_layout(self, *_args: Any) -> None:
        if self._restoring:
            return
        self.settings.setValue(self._layout_key, self.view.horizontalHeader().saveState())

    # ------------------------------------------------------------------ rows and ids

    def audit_outputs(self, db: Any, login: Any, what: str) -> None:
        """Record every export and print of this list in the audit log (personal data leaving the
        system, DESIGN.md §6) as ``what`` (e.g. 警情列表), attributed to ``login``."""

        def record(action: str, rows: int, path: str | None) -> None:
            from desktop.services.activity import record_output

            try:
                record_output(db, login.station_id, login.staff_id, action, what=what, rows=rows, path=path)
            except Exception:  # the file is written; a lost connection must not turn that into an error
                log.exception("could not record the %s in the audit log", action)

        self.exported.connect(lambda path, rows: record("export", rows, path))
        self.printed.connect(lambda rows: record("print", rows, None))

    def show_status(self, text: str) -> None:
        """A short note in the main window's status bar (when the panel sits in one)."""
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 8000)

    def refresh(self) -> None:
        """Re-read the rows (after a change), keeping the selection, current row and scroll."""
        self.model.refresh(self.view)
        self._update_count()
        self._check_current()

    def watch_tables(self, names: Any) -> None:
        """Refresh when a desk changes one of the tables ``names`` (live refresh: at most once a
        second, never while the user is busy in the table, a hidden list when it is shown)."""
        from desktop.views.live_refresh import subscribe

        self.live_refresh = subscribe(self, self.query.db, names, self.refresh, busy=self.is_busy)

    def is_busy(self) -> bool:
        """The user is editing, dragging or selecting in the table: a refresh now would get in the way."""
        return self.view.state() != QAbstractItemView.State.NoState

    def current_id(self) -> Any:
        index = self.view.currentIndex()
        return self.model.id_of_row(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[Any]:
        """Ids of the selected rows, top to bottom."""
        selection = self.view.selectionModel()
        rows = sorted({index.row() for index in selection.selectedRows()})
        return [i for i in self.model.ids_for_rows(rows) if i is not None]

    def select_id(self, row_id: Any) -> bool:
        """Make the row of ``row_id`` current and selected, scrolled into view; False when the
        current filter does not show it."""
        row = self.model.row_of_id(row_id)
        if row is None:  # filtered out, or added since the list was read: read it again once
            self.refresh()
            row = self.model.row_of_id(row_id)
            if row is None:
                return False
        index = self.model.index(row, self._first_visible_column())
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        self._check_current()
        return True

    def _first_visible_column(self) -> int:
        shown = self.visible_columns()
        return shown[0] if shown else 0

    def _activate(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row_id = self.model.id_of_row(index.row())
        if row_id is not None:
            self.activated.emit(row_id)

    def _check_current(self, *_args: Any) -> None:
        current = self.current_id()
        if current != self._current_id:
            self._current_id = current
            self.current_changed.emit(current)

    def _after_reset(self) -> None:
        self._update_count()
        self._check_current()

    def _update_count(self, *_args: Any) -> None:
        error = self.model.load_error
        if error is not None:
            self.count_label.setText(self.tr("The list cannot be read now (database unavailable)."))
            self.count_label.setToolTip(error)
            self.count_label.setProperty("error", True)
        else:
            self.count_label.setText(self.tr("{count} rows").format(count=f"{self.model.rowCount():,}"))
            self.count_label.setToolTip("")
            self.count_label.setProperty("error", False)
        # Let a style sheet's QLabel[error="true"] rule follow the property.
        self.count_label.style().unpolish(self.count_label)
        self.count_label.style().polish(self.count_label)

    # ------------------------------------------------------------------ export and print

    def export(self, path: str | os.PathLike[str] | None = None) -> int | None:
        """Export the rows shown (visible columns in their order, masked as shown) to .xlsx; asks
        for the file name when ``path`` is None. The number of rows written, or None."""
        if path is None:
            start = Path(str(self.settings.value(EXPORT_DIR_KEY, str(Path.home())))) / self._file_name(".xlsx")
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"), str(start),
                                                  self.tr("Excel workbooks (*.xlsx)"))
            if not name:
                return None
            path = name if name.lower().endswith(".xlsx") else name + ".xlsx"
            self.settings.setValue(EXPORT_DIR_KEY, str(Path(path).parent))
        job = export_job(self.model, path, self.visible_columns(), title=self.title)
        written = self._run(job, self.tr("Export"), self.tr("Exporting {title}…").format(title=self.title))
        if written is None:
            return None
        self.status_message.emit(self.tr("{count} rows exported to {path}").format(count=f"{written:,}",
                                                                                   path=os.fspath(path)))
        self.exported.emit(os.fspath(path), written)
        return written

    def build_pdf(self, path: str | os.PathLike[str]) -> int | None:
        """Write the rows shown as a ledger PDF to ``path`` (in a worker, with progress); the
        number of rows, or None when cancelled or failed (the user was told)."""
        job = pdf_job(self.model, path, self.visible_columns(), title=self.title,
                      subtitle=self.tr("Printed {time}").format(time=datetime.now().strftime("%Y-%m-%d %H:%M")),
                      widths=[self.view.columnWidth(c) for c in self.visible_columns()])
        return self._run(job, self.tr("Print"), self.tr("Preparing {title} for printing…").format(title=self.title))

    def print_preview(self) -> bool:
        """Make the PDF of the rows shown and open the print preview; refuses above
        :data:`PRINT_LIMIT` rows. True when the preview was shown."""
        total = self.model.rowCount()
        if self.model.load_error is not None:
            return False
        if total > PRINT_LIMIT:
            QMessageBox.information(self, self.tr("Print"), self.tr(
                "There are too many rows to print ({count}; at most {limit}). Narrow the filter, or export "
                "the list to Excel.").format(count=f"{total:,}", limit=f"{PRINT_LIMIT:,}"))
            return False
        if total == 0:
            QMessageBox.information(self, self.tr("Print"), self.tr("The list is empty: there is nothing to print."))
            return False
        fd, name = tempfile.mkstemp(prefix="stationdesk-", suffix=".pdf")
        os.close(fd)
        path = Path(name)
        try:
            written = self.build_pdf(path)
            if written is None:
                return False
            self.printed.emit(written)
            dialog = PrintPreviewDialog(path, self, title=self.title, suggested_name=self._file_name(".pdf"))
            dialog.exec()
            dialog.deleteLater()
            return True
        finally:
            with contextlib.suppress(OSError):
                path.unlink()

    def _run(self, job, title: str, label: str) -> int | None:
        try:
            return run_job(self, job, title=title, label=label)
        except Cancelled:
            return None  # a cancel is silent (STYLE.md)
        except StationDeskError as exc:
            QMessageBox.warning(self, title, str(exc))
        except Exception as exc:
            log.exception("%s of %s failed", title, self.list_key)
            QMessageBox.warning(self, title, self.tr("The file could not be written: {error}").format(error=exc))
        return None

    def _file_name(self, suffix: str) -> str:
        return f"{self.title}-{datetime.now():%Y%m%d-%H%M}{suffix}"


__all__ = ["PRINT_LIMIT", "SEARCH_DELAY_MS", "ListPanel", "default_width"]
