"""Long work off the UI thread with a progress dialog and a cancel button that really cancels.

The work is a plain function ``func(progress, cancel)`` (Qt-free, testable on its own):
``progress(done, total, text)`` reports, ``cancel()`` returns True once the user pressed Cancel and
the function should stop by raising :class:`desktop.errors.Cancelled`. This adapter owns the
thread, the signals and the dialog (STYLE.md). Only plain data crosses threads.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.errors import Cancelled

Progress = Callable[[int, int, str], None]
JobFunc = Callable[[Progress, Callable[[], bool]], Any]

SHOW_AFTER_MS = 500  # quick jobs never flash a dialog
_PROGRESS_INTERVAL_S = 0.05  # at most ~20 progress signals a second reach the UI thread


class _Worker(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, func: JobFunc, cancel_event: threading.Event) -> None:
        super().__init__()
        self._func = func
        self._cancel = cancel_event
        self._last = 0.0

    def _progress(self, done: int, total: int, text: str = "") -> None:
        now = time.monotonic()
        if now - self._last >= _PROGRESS_INTERVAL_S or done >= total:
            self._last = now
            self.progressed.emit(int(done), int(total), str(text))

    @Slot()
    def run(self) -> None:
        try:
            result = self._func(self._progress, self._cancel.is_set)
        except BaseException as exc:  # noqa: BLE001 - delivered to the UI thread, shown there
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)


class JobRunner(QObject):
    """Runs one job in a worker thread while a modal progress dialog shows count and percent.

    Lives on the UI thread; :meth:`run` blocks in a local event loop (the UI stays responsive)
    and returns the job's result, or raises the job's exception (``Cancelled`` when cancelled).
    """

    progressed = Signal(int, int, str)

    def __init__(self, parent: QWidget | None, *, title: str, label: str) -> None:
        super().__init__(parent)
        self._parent = parent
        self._title = title
        self._label = label
        self._cancel = threading.Event()
        self._outcome: tuple[bool, Any] | None = None
        self._loop = QEventLoop(self)
        self.dialog: QProgressDialog | None = None

    def cancel(self) -> None:
        self._cancel.set()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Cancelling…"))

    def run(self, func: JobFunc) -> Any:
        dialog = QProgressDialog(self._label, self.tr("Cancel"), 0, 0, self._parent)
        dialog.setWindowTitle(self._title)
        dialog.setMinimumDuration(SHOW_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(420)
        dialog.canceled.connect(self.cancel)
        self.dialog = dialog

        thread = QThread()
        worker = _Worker(func, self._cancel)
        worker.moveToThread(thread)
        worker.progressed.connect(self._on_progress)
        worker.succeeded.connect(self._on_succeeded)
        worker.failed.connect(self._on_failed)
        thread.started.connect(worker.run)
        thread.start()
        try:
            if self._outcome is None:
                self._loop.exec()
        finally:
            thread.quit()
            thread.wait()
            dialog.close()
            dialog.deleteLater()
            self.dialog = None
        ok, value = self._outcome
        if ok:
            return value
        raise value

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.progressed.emit(done, total, text)
        dialog = self.dialog
        if dialog is None or self._cancel.is_set():
            return
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
            percent = done * 100 // total
            dialog.setLabelText(
                self.tr("{text}\n{done} of {total} ({percent}%)").format(
                    text=text or self._label, done=f"{done:,}", total=f"{total:,}", percent=percent
                )
            )
        elif text:
            dialog.setLabelText(text)

    @Slot(object)
    def _on_succeeded(self, result: Any) -> None:
        self._outcome = (True, result)
        self._loop.quit()

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        if self._cancel.is_set() and not isinstance(exc, Cancelled):
            exc = Cancelled()
        self._outcome = (False, exc)
        self._loop.quit()


def run_job(parent: QWidget | None, func: JobFunc, *, title: str, label: str) -> Any:
    """Convenience: ``JobRunner(parent, title=…, label=…).run(func)``."""
    return JobRunner(parent, title=title, label=label).run(func)
