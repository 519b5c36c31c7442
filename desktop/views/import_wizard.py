"""The incident import wizard: choose a 110 export, check the column mapping and a preview, import,
read the summary and save the rows that were not imported.

Three pages on a stack (file → mapping and preview → summary); the import itself runs between the
second and third page in a worker with a progress dialog and a Cancel button. Reading the file and
importing go through :class:`JobRunner`; everything they need is plain data (an ``Analysis``, a
mapping), so nothing Qt crosses threads. A cancel or an error leaves the wizard where it was, with
the file, the mapping and the preview kept, and the database as it was (run_import is all or nothing).

The file dialogs and the profile-name prompt are thin wrappers over methods that take the path or
the name (``set_path``, ``save_rejects``, ``save_profile_named``), so tests drive the wizard without them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.db import Database
from desktop.errors import Cancelled, StationDeskError
from desktop.services.accounts import LoginResult
from desktop.services.importing.fields import FIELDS
from desktop.services.importing.prepare import PreviewRow, preview
from desktop.services.incident_import import (
    Analysis,
    ImportSummary,
    analyse,
    best_profile,
    list_profiles,
    mapping_from_profile,
    run_import,
    save_profile,
    write_rejects,
)
from desktop.services.repeats import RepeatRules
from desktop.views.dialog_parts import error_label, heading_label, show_error
from desktop.views.job_runner import JobFunc, JobRunner

log = logging.getLogger(__name__)

PAGE_FILE, PAGE_MAPPING, PAGE_SUMMARY = range(3)
PREVIEW_ROWS = 50
PROBLEM_ROWS = 5000  # rows listed on the summary page; the rejects workbook has every rejected row
PROBLEM_COLOR = QColor("#ffcdd2")  # light red: a cell the import will reject or flag
REJECTED_COLOR = QColor("#c62828")
FILE_FILTER_EXTENSIONS = "*.xlsx *.xlsm *.xls *.csv *.txt"


def _column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: how staff name columns in Excel."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return str(value)


class ImportWizard(QDialog):
    """Imports one 110 export into the incidents of the logged-in station.

    Accepted once an import has run (even when it imported nothing new), so the caller refreshes
    its list; rejected when the user leaves before importing.
    """

    job_started = Signal(object)  # the JobRunner, just before its work starts
    imported = Signal(object)  # the ImportSummary of a finished import

    def __init__(self, db: Database, login: LoginResult, settings_values: Any = None,
                 parent: QWidget | None = None, *, rules: RepeatRules | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._login = login
        if rules is None and settings_values is not None:
            rules = RepeatRules.from_settings(settings_values)
        self._rules = rules
        self._profiles: list[tuple[str, dict[str, str]]] = []
        self._analysis: Analysis | None = None
        self._analysed_key: tuple[str, str | None] | None = None
        self._mapping: dict[str, int] = {}
        self._busy = False
        self.runner: JobRunner | None = None
        self.preview_rows: list[PreviewRow] = []
        self.summary: ImportSummary | None = None

        self.setWindowTitle(self.tr("Import incidents"))
        self.setModal(True)
        self.resize(1180, 680)  # fits a 1366x768 screen with the taskbar

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_file_page())
        self.stack.addWidget(self._build_mapping_page())
        self.stack.addWidget(self._build_summary_page())

        self.back_button = QPushButton(self.tr("< &Back"), self)
        self.next_button = QPushButton(self.tr("&Next >"), self)
        self.next_button.setDefault(True)
        self.finish_button = QPushButton(self.tr("&Finish"), self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.back_button.clicked.connect(self.back_page)
        self.next_button.clicked.connect(self.next_page)
        self.finish_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.finish_button, self.cancel_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)

        self.reload_profiles()
        self._show_page(PAGE_FILE)

    # ----------------------------------------------------------------------------- pages

    def _build_file_page(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(self.tr(
            "Choose the incident list exported from the 110 dispatch system (Excel or CSV). "
            "Nothing is written until you confirm the import on the next page."), page)
        intro.setWordWrap(True)

        self.path_edit = QLineEdit(page)
        self.path_edit.setPlaceholderText(self.tr("Path of the exported file"))
        self.path_edit.returnPressed.connect(self.next_page)
        self.browse_button = QPushButton(self.tr("&Browse…"), page)
        self.browse_button.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)

        self.profile_combo = QComboBox(page)
        self.profile_combo.setMinimumWidth(260)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        file_label = QLabel(self.tr("&File:"), page)
        file_label.setBuddy(self.path_edit)  # a row holding a layout gets no buddy by itself
        form.addRow(file_label, path_row)
        form.addRow(self.tr("Column &profile:"), self.profile_combo)

        self.file_error = error_label(page)
        self.file_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(page)
        layout.addWidget(heading_label(self.tr("Choose the file"), page))
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.file_error)
        layout.addStretch(1)
        return page

    def _build_mapping_page(self) -> QWidget:
        page = QWidget(self)
        self.header_label = QLabel(page)
        self.header_label.setWordWrap(True)
        self.profile_note = QLabel(page)
        self.profile_note.setWordWrap(True)
        self.profile_note.hide()

        form_host = QWidget(page)
        form = QFormLayout(form_host)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.mapping_combos: dict[str, QComboBox] = {}
        for field in FIELDS:
            combo = QComboBox(form_host)
            combo.setMinimumWidth(180)
            combo.currentIndexChanged.connect(lambda _i, key=field.key: self._combo_changed(key))
            self.mapping_combos[field.key] = combo
            form.addRow(f"{field.label} *" if field.required else field.label, combo)
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)
        required_note = QLabel(self.tr("* required"), page)
        self.save_profile_button = QPushButton(self.tr("&Save as profile…"), page)
        self.save_profile_button.clicked.connect(self.save_profile_as)
        left = QWidget(page)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(scroll, 1)
        left_layout.addWidget(required_note)
        left_layout.addWidget(self.save_profile_button)

        self.preview_table = QTableWidget(page)
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview_table.verticalHeader().hide()
        self.preview_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        preview_caption = QLabel(self.tr("Preview of the first {count} data rows (cells in red will be rejected "
                                         "or need review; hover for the reason):").format(count=PREVIEW_ROWS), page)
        preview_caption.setWordWrap(True)
        right = QWidget(page)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(preview_caption)
        right_layout.addWidget(self.preview_table, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, page)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 820])

        self.mapping_error = error_label(page)
        self.mapping_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.mapping_info = QLabel(page)
        self.mapping_info.setWordWrap(True)
        self.mapping_info.hide()

        layout = QVBoxLayout(page)
        layout.addWidget(heading_label(self.tr("Check the columns"), page))
        layout.addWidget(self.header_label)
        layout.addWidget(self.profile_note)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.mapping_error)
        layout.addWidget(self.mapping_info)
        return page

    def _build_summary_page(self) -> QWidget:
        page = QWidget(self)
        self.summary_title = QLabel(page)
        self.summary_title.setWordWrap(True)
        counts = QFormLayout()
        self.count_labels: dict[str, QLabel] = {}
        for key, text in (
            ("read", self.tr("Rows read:")),
            ("imported", self.tr("Imported:")),
            ("already_present", self.tr("Already present (skipped):")),
            ("duplicates_in_file", self.tr("Duplicates in the file (skipped):")),
            ("conflicts", self.tr("Conflicts (the stored incident was kept):")),
            ("rejected", self.tr("Rejected:")),
            ("review", self.tr("Imported, need review:")),
        ):
            label = QLabel(page)
            label.setObjectName(f"count_{key}")
            self.count_labels[key] = label
            counts.addRow(text, label)
        self.clusters_label = QLabel(page)

        self.problems_table = QTableWidget(0, 4, page)
        self.problems_table.setHorizontalHeaderLabels(
            [self.tr("Outcome"), self.tr("Row"), self.tr("Incident number"), self.tr("Reason")])
        self.problems_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems_table.verticalHeader().hide()
        self.problems_table.horizontalHeader().setStretchLastSection(True)

        self.save_rejects_button = QPushButton(self.tr("Save &rejected rows…"), page)
        self.save_rejects_button.clicked.connect(self.browse_rejects)
        self.rejects_status = QLabel(page)
        self.rejects_status.setWordWrap(True)
        self.rejects_error = error_label(page)
        self.problems_note = QLabel(page)
        self.problems_note.hide()
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_rejects_button)
        save_row.addWidget(self.rejects_status, 1)

        layout = QVBoxLayout(page)
        layout.addWidget(heading_label(self.tr("Import finished"), page))
        layout.addWidget(self.summary_title)
        layout.addLayout(counts)
        layout.addWidget(self.clusters_label)
        layout.addWidget(QLabel(self.tr("Rows not imported or to review:"), page))
        layout.addWidget(self.problems_table, 1)
        layout.addWidget(self.problems_note)
        layout.addLayout(save_row)
        layout.addWidget(self.rejects_error)
        return page

    # ----------------------------------------------------------------------------- navigation

    def current_page(self) -> int:
        return self.stack.currentIndex()

    def _show_page(self, page: int) -> None:
        self.stack.setCurrentIndex(page)
        self.back_button.setVisible(page == PAGE_MAPPING)
        self.next_button.setVisible(page != PAGE_SUMMARY)
        self.next_button.setText(self.tr("&Import") if page == PAGE_MAPPING else self.tr("&Next >"))
        self.finish_button.setVisible(page == PAGE_SUMMARY)
        self.finish_button.setDefault(page == PAGE_SUMMARY)
        self.next_button.setDefault(page != PAGE_SUMMARY)
        self.cancel_button.setVisible(page != PAGE_SUMMARY)

    def next_page(self) -> bool:
        """Next on the current page: read the file, or import. True when the page changed."""
        if self._busy:
            return False
        page = self.current_page()
        if page == PAGE_FILE:
            return self.analyse_file()
        if page == PAGE_MAPPING:
            return self.start_import()
        return False

    def back_page(self) -> None:
        if not self._busy and self.current_page() == PAGE_MAPPING:
            self._show_page(PAGE_FILE)

    def reject(self) -> None:
        if self._busy:
            return  # the progress dialog's Cancel stops the work; closing now would lose its outcome
        if self.summary is not None and not self.summary.dry_run:
            self.accept()  # something was imported: the caller must refresh however the wizard closes
            return
        super().reject()

    # ----------------------------------------------------------------------------- page 1: file

    def set_path(self, path: str) -> None:
        self.path_edit.setText(str(path))

    def browse(self) -> None:
        start = self.path_edit.text().strip()
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the exported incident list"), str(Path(start).parent) if start else "",
            self.tr("Incident exports ({patterns});;All files (*)").format(patterns=FILE_FILTER_EXTENSIONS))
        if path:
            self.set_path(path)

    def reload_profiles(self, select: str | None = None) -> None:
        """Refill the profile combo from the database, keeping (or setting) the selection."""
        current = select if select is not None else self.profile_combo.currentData()
        self._profiles = list_profiles(self._db, self._login.station_id)
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        self.profile_combo.addItem(self.tr("(none: recognise the columns by their names)"), None)
        for name, _mapping in self._profiles:
            self.profile_combo.addItem(name, name)
        index = self.profile_combo.findData(current) if current is not None else 0
        self.profile_combo.setCurrentIndex(max(index, 0))
        self.profile_combo.blockSignals(False)

    def selected_profile(self) -> str | None:
        return self.profile_combo.currentData()

    def analyse_file(self) -> bool:
        """Read the file in a worker and go to the mapping page; errors stay on this page."""
        self.file_error.hide()
        path = self.path_edit.text().strip()
        if not path:
            show_error(self.file_error, self.tr("Choose the file to import."))
            return False
        name = self.selected_profile()
        if self._analysis is not None and self._analysed_key == (path, name):
            self._show_page(PAGE_MAPPING)  # same file, same profile: keep the user's mapping
            return True
        profile = dict(self._profiles)[name] if name is not None else None

        def work(progress: Callable[[int, int, str], None], cancel: Callable[[], bool]) -> Analysis:
            return analyse(path, profile=profile, profile_name=name, cancel=cancel)

        try:
            analysis = self._run(work, self.tr("Reading the file…"))
        except Cancelled:
            return False
        except StationDeskError as exc:
            self._show_service_error(self.file_error, exc)
            return False
        except Exception as exc:  # shown, not raised into the event loop
            log.exception("reading %s failed", path)
            show_error(self.file_error, self.tr("The file could not be read: {error}").format(error=exc))
            return False

        note = ""
        # A profile fitting the file is offered once per file, so choosing "none" afterwards sticks.
        if name is None and (self._analysed_key is None or self._analysed_key[0] != path):
            best = best_profile(self._profiles, analysis.header)
            if best is not None:
                self._apply_profile(analysis, best, dict(self._profiles)[best])
                self.profile_combo.setCurrentIndex(self.profile_combo.findData(best))
                name = best
                note = self.tr("The saved profile “{name}” fits the columns of this file and was applied.").format(
                    name=best)
        self._analysis = analysis
        self._analysed_key = (path, name)
        self.profile_note.setText(note)
        self.profile_note.setVisible(bool(note))
        self.mapping_info.hide()
        self.mapping_error.hide()
        self.header_label.setText(self.tr("{file}: header on row {row}, {count} data rows").format(
            file=analysis.file_name, row=analysis.header_index + 1, count=analysis.data_rows))
        self._fill_mapping_combos(analysis)
        self._show_page(PAGE_MAPPING)
        return True

    @staticmethod
    def _apply_profile(analysis: Analysis, name: str, profile: Mapping[str, str]) -> None:
        """The profile's columns over the automatic ones; a column still feeds only one field."""
        merged = {**analysis.mapping, **mapping_from_profile(analysis.header, profile)}
        by_column = {col: key for key, col in merged.items()}
        analysis.mapping = {key: col for col, key in by_column.items()}
        analysis.profile = name

    # ----------------------------------------------------------------------------- page 2: mapping

    @property
    def mapping(self) -> dict[str, int]:
        """Field key -> column index, as the combos show it."""
        return dict(self._mapping)

    def _fill_mapping_combos(self, analysis: Analysis) -> None:
        self._mapping = dict(analysis.mapping)
        items = [self.tr("(do not import)")]
        for i, text in enumerate(analysis.header):
            letter = _column_letter(i)
            items.append(f"{letter}: {text}" if text else self.tr("{letter}: (no name)").format(letter=letter))
        for key, combo in self.mapping_combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(items[0], None)
            for i, text in enumerate(items[1:]):
                combo.addItem(text, i)
            col = self._mapping.get(key)
            combo.setCurrentIndex(0 if col is None else col + 1)
            combo.blockSignals(False)
        self.refresh_preview()

    def set_mapping(self, key: str, column: int | None) -> None:
        """Choose ``column`` (None: do not import) for field ``key``, as the user would."""
        combo = self.mapping_combos[key]
        combo.setCurrentIndex(0 if column is None else combo.findData(column))

    def _combo_changed(self, key: str) -> None:
        col = self.mapping_combos[key].currentData()
        if col is None:
            self._mapping.pop(key, None)
        else:
            # A column feeds one field: the field that had it lets go.
            for other, other_col in list(self._mapping.items()):
                if other != key and other_col == col:
                    del self._mapping[other]
                    combo = self.mapping_combos[other]
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
            self._mapping[key] = col
        self.mapping_info.hide()
        self.refresh_preview()

    def missing_required(self) -> list[str]:
        return self._analysis.missing_required(self._mapping) if self._analysis is not None else []

    def refresh_preview(self) -> None:
        """Re-run the preview for the current mapping (50 rows: quick enough for the UI thread)."""
        analysis = self._analysis
        if analysis is None:
            return
        missing = self.missing_required()
        if missing:
            show_error(self.mapping_error, self.tr("Choose a column for the required fields: {fields}").format(
                fields=", ".join(missing)))
        else:
            self.mapping_error.hide()
        try:
            self.preview_rows = preview(analysis.sheet.rows, analysis.header_index, self._mapping,
                                        now=datetime.now(), limit=PREVIEW_ROWS)
        except Exception as exc:  # a preview failure must not lose the mapping
            log.exception("preview failed")
            self.preview_rows = []
            show_error(self.mapping_error, self.tr("The preview failed: {error}").format(error=exc))
        self._fill_preview_table()

    def _fill_preview_table(self) -> None:
        keys = [f.key for f in FIELDS if f.key in self._mapping]
        table = self.preview_table
        table.clear()
        table.setColumnCount(2 + len(keys))
        table.setRowCount(len(self.preview_rows))
        table.setHorizontalHeaderLabels([self.tr("Status"), self.tr("Row"),
                                         *(f.label for f in FIELDS if f.key in self._mapping)])
        brush = QBrush(PROBLEM_COLOR)
        for r, row in enumerate(self.preview_rows):
            if row.rejected:
                status = QTableWidgetItem(self.tr("Rejected"))
                status.setForeground(QBrush(REJECTED_COLOR))
                status.setBackground(brush)
            elif row.problems:
                status = QTableWidgetItem(self.tr("Review"))
            else:
                status = QTableWidgetItem(self.tr("OK"))
            if row.problems:
                status.setToolTip("\n".join(row.problems.values()))
            table.setItem(r, 0, status)
            number = QTableWidgetItem(str(row.row))
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, 1, number)
            for c, key in enumerate(keys, start=2):
                item = QTableWidgetItem(_display(row.cells.get(key)))
                problem = row.problems.get(key)
                if problem:
                    item.setBackground(brush)
                    item.setToolTip(problem)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        header = table.horizontalHeader()
        for c in range(table.columnCount()):
            header.resizeSection(c, min(header.sectionSize(c), 260))

    def preview_column(self, key: str) -> int | None:
        """The preview table's column of field ``key`` (None when the field is not imported)."""
        keys = [f.key for f in FIELDS if f.key in self._mapping]
        return keys.index(key) + 2 if key in keys else None

    def save_profile_as(self) -> None:
        if self._analysis is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Save as profile"),
                                        self.tr("Name of the column profile (e.g. the dispatch system):"),
                                        text=self._analysis.profile or "")
        if ok:
            self.save_profile_named(name)

    def save_profile_named(self, name: str) -> bool:
        """Save the current mapping as profile ``name`` (replacing one of that name)."""
        analysis = self._analysis
        if analysis is None:
            return False
        self.mapping_info.hide()
        try:
            save_profile(self._db, self._login.station_id, self._login.staff_id, name, analysis.header,
                         self._mapping)
        except StationDeskError as exc:
            self._show_service_error(self.mapping_error, exc)
            return False
        name = name.strip()
        analysis.profile = name
        self.reload_profiles(select=name)
        self._analysed_key = (self.path_edit.text().strip(), name)
        self.mapping_error.hide()
        self.mapping_info.setText(self.tr("Saved the column profile “{name}”.").format(name=name))
        self.mapping_info.show()
        return True

    # ----------------------------------------------------------------------------- import

    def start_import(self) -> bool:
        """Import with the current mapping; on success show the summary page."""
        analysis = self._analysis
        if analysis is None:
            return False
        self.mapping_info.hide()
        missing = self.missing_required()
        if missing:
            show_error(self.mapping_error, self.tr("Choose a column for the required fields: {fields}").format(
                fields=", ".join(missing)))
            return False
        self.mapping_error.hide()
        db, login, mapping, rules = self._db, self._login, dict(self._mapping), self._rules

        def work(progress: Callable[[int, int, str], None], cancel: Callable[[], bool]) -> ImportSummary:
            return run_import(db, login.station_id, login.staff_id, analysis, mapping, rules=rules,
                              progress=progress, cancel=cancel)

        try:
            summary = self._run(work, self.tr("Importing incidents…"))
        except Cancelled:
            self.mapping_info.setText(self.tr("The import was cancelled. Nothing was changed in the database."))
            self.mapping_info.show()
            return False
        except StationDeskError as exc:
            self._show_service_error(self.mapping_error, exc)
            return False
        except Exception as exc:  # shown; run_import rolled everything back
            log.exception("import of %s failed", analysis.path)
            show_error(self.mapping_error, self.tr(
                "The import failed and nothing was changed in the database: {error}").format(error=exc))
            return False
        self._show_summary(summary)
        self.imported.emit(summary)
        return True

    # ----------------------------------------------------------------------------- page 3: summary

    def _show_summary(self, summary: ImportSummary) -> None:
        self.summary = summary
        self.summary_title.setText(self.tr("File: {file}").format(file=summary.file_name))
        for key, value in summary.counts().items():
            self.count_labels[key].setText(f"{value:,}")
        self.clusters_label.setText(self.tr("Repeat-call clusters: {created} new, {updated} updated.").format(
            created=summary.clusters_created, updated=summary.clusters_updated))
        outcomes = sorted(
            [(p, self.tr("Rejected")) for p in summary.rejected]
            + [(p, self.tr("Conflict")) for p in summary.conflicts]
            + [(p, self.tr("Review")) for p in summary.review],
            key=lambda item: item[0].row)
        shown = outcomes[:PROBLEM_ROWS]
        self.problems_note.setText(self.tr("Showing the first {shown} of {total} rows.").format(
            shown=f"{len(shown):,}", total=f"{len(outcomes):,}"))
        self.problems_note.setVisible(len(shown) < len(outcomes))
        table = self.problems_table
        table.setRowCount(len(shown))
        for r, (problem, outcome) in enumerate(shown):
            row_item = QTableWidgetItem(str(problem.row))
            row_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for c, item in enumerate((QTableWidgetItem(outcome), row_item, QTableWidgetItem(problem.number or ""),
                                      QTableWidgetItem(problem.reason))):
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        self.save_rejects_button.setEnabled(bool(summary.not_imported()))
        self.rejects_status.clear()
        self.rejects_error.hide()
        self._show_page(PAGE_SUMMARY)

    def browse_rejects(self) -> None:
        if self.summary is None:
            return
        folder = self._analysis.path.parent if self._analysis is not None else Path()
        suggested = folder / self.tr("{name} - not imported.xlsx").format(name=Path(self.summary.file_name).stem)
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save rejected rows"), str(suggested),
                                                    self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.save_rejects(path)

    def save_rejects(self, path: str) -> int | None:
        """Write the rows not imported (with their reason) to ``path``; the number of rows, or None."""
        summary = self.summary
        if summary is None:
            return None
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        self.rejects_error.hide()
        try:
            count = self._run(lambda _progress, _cancel: write_rejects(summary, target),
                              self.tr("Saving the rejected rows…"))
        except Cancelled:
            return None
        except (StationDeskError, OSError) as exc:
            if isinstance(exc, StationDeskError):
                self._show_service_error(self.rejects_error, exc)
            else:
                show_error(self.rejects_error, self.tr("The file could not be saved: {error}").format(
                    error=exc.strerror or exc))
            return None
        self.rejects_status.setText(self.tr("Saved {count} rows to {file}.").format(count=count, file=str(target)))
        return count

    # ----------------------------------------------------------------------------- helpers

    def _run(self, func: JobFunc, label: str) -> Any:
        """Run ``func`` in a worker with the progress dialog; the wizard takes no input meanwhile
        (the dialog only appears after a moment, and a second click must not start a second job)."""
        runner = JobRunner(self, title=self.windowTitle(), label=label)
        self.runner = runner
        self._busy = True
        self.stack.setEnabled(False)
        for button in (self.back_button, self.next_button, self.finish_button, self.cancel_button):
            button.setEnabled(False)
        try:
            self.job_started.emit(runner)
            return runner.run(func)
        finally:
            self._busy = False
            self.runner = None
            self.stack.setEnabled(True)
            for button in (self.back_button, self.next_button, self.finish_button, self.cancel_button):
                button.setEnabled(True)
            runner.deleteLater()

    @staticmethod
    def _show_service_error(label: QLabel, exc: StationDeskError) -> None:
        """The service's Chinese message, and its hint on a second line."""
        text = exc.message
        if exc.hint:
            text = f"{text}\n{exc.hint}"
        show_error(label, text)


__all__ = ["PAGE_FILE", "PAGE_MAPPING", "PAGE_SUMMARY", "PROBLEM_COLOR", "ImportWizard"]
