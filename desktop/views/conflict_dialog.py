"""A colleague saved the record first: show their values beside this desk's, field by field.

The user picks per field (mine / theirs) and saves the merge against the new version, reloads the
colleague's version (discarding this desk's edits), or cancels and keeps editing — nothing typed is
lost and nothing is overwritten silently. :func:`resolve_conflict` is what a form calls on a
:class:`ConflictError`; the values come from ``desktop.services.records.current_values``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDateTime
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.views import dialog_parts

MERGE, RELOAD, CANCEL = "merge", "reload", "cancel"
_DIFF_BRUSH = QBrush(QColor("#fff3cd"))  # a pale amber: the fields the two desks disagree on


def _same(a: Any, b: Any) -> bool:
    """Equal as the user sees them: empty text and None alike."""
    return (a if a not in ("",) else None) == (b if b not in ("",) else None)


def is_stale_save(exc: BaseException) -> bool:
    """A save refused by the version check (not a duplicate number): the conflict dialog's case."""
    from desktop.errors import ConflictError

    return isinstance(exc, ConflictError) and "修改" in exc.message


def default_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def set_widget_value(widget: QWidget, value: Any) -> None:
    """Put a record value into the form widget that edits it (reload / merge refill the form)."""
    if isinstance(widget, QComboBox):
        index = widget.findData(value)
        if index >= 0:
            widget.setCurrentIndex(index)
        elif widget.isEditable():
            widget.setCurrentText("" if value is None else str(value))
        else:
            widget.setCurrentIndex(0)
    elif isinstance(widget, QDateTimeEdit):
        if isinstance(value, datetime):
            widget.setDateTime(QDateTime(value))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value or 0))
    elif isinstance(widget, QAbstractButton):
        widget.setChecked(bool(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText("" if value is None else default_text(value))
    elif isinstance(widget, QLineEdit):
        widget.setText("" if value is None else
                       value.strftime("%Y-%m-%d %H:%M:%S") if isinstance(value, datetime) else str(value))


def widget_display(widgets: Mapping[str, QWidget]) -> Callable[[str, Any], str]:
    """A ``display`` for :class:`ConflictDialog`: a combo's value shown as its item text."""

    def show(key: str, value: Any) -> str:
        widget = widgets.get(key)
        if isinstance(widget, QComboBox) and value is not None:
            index = widget.findData(value)
            if index >= 0:
                return widget.itemText(index)
        return default_text(value)

    return show


class ConflictDialog(QDialog):
    """``fields``: (key, label) in form order; ``mine``: this desk's unsaved values; ``theirs``: the
    saved ones; ``base``: what this desk loaded before editing (then fields only the colleague
    changed default to theirs); ``display(key, value)`` turns a value (an id…) into its text.

    After ``exec()``: :attr:`choice` is MERGE, RELOAD or CANCEL; :meth:`merged` the picked values.
    """

    def __init__(self, fields: Sequence[tuple[str, str]], mine: Mapping[str, Any], theirs: Mapping[str, Any], *,
                 base: Mapping[str, Any] | None = None, who: str | None = None, when: datetime | None = None,
                 display: Callable[[str, Any], str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Changed by a colleague"))
        self.setMinimumWidth(640)
        self.fields = list(fields)
        self.mine = dict(mine)
        self.theirs = dict(theirs)
        self.base = dict(base) if base is not None else None
        self.choice = CANCEL
        show = display or (lambda _key, value: default_text(value))

        by = who or self.tr("a colleague")
        at = when.strftime("%Y-%m-%d %H:%M:%S") if when else ""
        self.heading = QLabel(self.tr("This record was saved by %1 at %2 after you opened it. Nothing of "
                                      "yours was saved yet. Choose, field by field, which value to keep.")
                              .replace("%1", by).replace("%2", at), self)
        self.heading.setWordWrap(True)

        self.differing = [key for key, _label in self.fields if not _same(self.mine.get(key), self.theirs.get(key))]
        self.table = QTableWidget(len(self.fields), 4, self)
        self.table.setObjectName("conflictTable")
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Yours"), self.tr("Colleague's"),
                                              self.tr("Keep")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self._groups: dict[str, QButtonGroup] = {}
        self._mine_buttons: dict[str, QRadioButton] = {}
        self._theirs_buttons: dict[str, QRadioButton] = {}
        for row, (key, label) in enumerate(self.fields):
            differs = key in self.differing
            cells = (label, show(key, self.mine.get(key)), show(key, self.theirs.get(key)))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if differs:
                    item.setBackground(_DIFF_BRUSH)
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
            pick = QWidget(self.table)
            box = QHBoxLayout(pick)
            box.setContentsMargins(4, 0, 4, 0)
            mine_button = QRadioButton(self.tr("Yours"), pick)
            theirs_button = QRadioButton(self.tr("Colleague's"), pick)
            group = QButtonGroup(pick)
            group.addButton(mine_button)
            group.addButton(theirs_button)
            box.addWidget(mine_button)
            box.addWidget(theirs_button)
            pick.setEnabled(differs)
            self.table.setCellWidget(row, 3, pick)
            self._groups[key] = group
            self._mine_buttons[key] = mine_button
            self._theirs_buttons[key] = theirs_button
            self.choose(key, self._default_side(key))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)

        self.merge_button = QPushButton(self.tr("Save my choices"), self)
        self.merge_button.setObjectName("mergeButton")
        self.reload_button = QPushButton(self.tr("Discard mine, load colleague's"), self)
        self.reload_button.setObjectName("reloadButton")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Keep editing"))
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.merge_button.clicked.connect(self.merge)
        self.reload_button.clicked.connect(self.reload)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.resize(760, 120 + 32 * len(self.fields))

    def _default_side(self, key: str) -> str:
        """Theirs where only the colleague changed the field; otherwise this desk's typing."""
        if key not in self.differing:
            return "mine"
        if self.base is not None and _same(self.base.get(key), self.mine.get(key)):
            return "theirs"
        return "mine"

    # ------------------------------------------------------------------ public

    def choose(self, key: str, side: str) -> None:
        """Pick ``side`` ('mine' or 'theirs') for ``key``."""
        (self._theirs_buttons if side == "theirs" else self._mine_buttons)[key].setChecked(True)

    def side(self, key: str) -> str:
        return "theirs" if self._theirs_buttons[key].isChecked() else "mine"

    def merged(self) -> dict[str, Any]:
        """Every field: the picked side's value (fields that agree are the same either way)."""
        out = dict(self.theirs)
        for key, _label in self.fields:
            out[key] = self.theirs.get(key) if self.side(key) == "theirs" else self.mine.get(key)
        return out

    def merge(self) -> None:
        self.choice = MERGE
        self.accept()

    def reload(self) -> None:
        self.choice = RELOAD
        self.accept()

    def reject(self) -> None:
        self.choice = CANCEL
        super().reject()


def resolve_conflict(parent: QWidget, db: Any, station_id: int, kind: str, record_id: int,
                     fields: Sequence[tuple[str, str]], mine: Mapping[str, Any], *,
                     base: Mapping[str, Any] | None = None,
                     display: Callable[[str, Any], str] | None = None):
    """Ask the user how to resolve a refused save of ``kind`` #``record_id``.

    Returns ``(choice, values, state)``: MERGE with the merged values, RELOAD with the colleague's,
    or CANCEL with this desk's; ``state`` is the record's current ``RecordState`` (its ``version``
    is the one to save against). A read that fails raises, and the caller shows it as any error."""
    from desktop.services.records import current_values

    state = current_values(db, station_id, kind, record_id)
    dialog = ConflictDialog(fields, mine, state.values, base=base, who=state.updated_by, when=state.updated_at,
                            display=display, parent=parent)
    dialog_parts.exec_dialog(dialog)
    if dialog.choice == MERGE:
        return MERGE, dialog.merged(), state
    if dialog.choice == RELOAD:
        return RELOAD, dict(state.values), state
    return CANCEL, dict(mine), state


__all__ = ["CANCEL", "MERGE", "RELOAD", "ConflictDialog", "default_text", "is_stale_save", "resolve_conflict",
           "set_widget_value", "widget_display"]
