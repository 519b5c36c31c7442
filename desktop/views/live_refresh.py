"""Live refresh: when a colleague's desk changes a record, this desk's lists and counts follow.

:class:`ChangeWatcher` (one per logged-in window) learns of committed changes to the station —
PostgreSQL announces them (LISTEN/NOTIFY), elsewhere the station's change counter is polled about
once a second (desktop/services/changes.py) — and emits the names of the tables that changed.
Screens do not hold the watcher: they subscribe through :func:`subscribe` (``ListPanel.watch_tables``),
which hears every watcher of their database through the process-wide :func:`changes_hub` (so the
order in which the window and its screens are built does not matter), refreshes at most once a
second, never while the user is busy in the widget, and not while it is hidden (it catches up
when shown).

Threads: the watcher's worker (and, on PostgreSQL, its listener) are daemon threads that never
touch a Qt object nor hold the watcher: they are given plain events and a plain queue, which a
timer drains on the UI thread (the pattern of connection_monitor.py — a QObject freed on a worker
thread crashed the event loop).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from desktop.services.changes import (
    EVERYTHING,
    POLL_INTERVAL_S,
    change_token,
    changed_tables,
    listen,
    uses_listen,
)
from desktop.views.connection_monitor import backoff_delay

log = logging.getLogger(__name__)

DRAIN_MS = 100  # how often the UI thread looks for the worker's results
MIN_REFRESH_MS = 1000  # a subscribed widget refreshes at most this often
SAFETY_POLL_S = 30.0  # while LISTEN works, still read the counter this often (a notice can be lost)


class ChangeHub(QObject):
    """Relays every watcher's changes to every subscriber: ``changed(db, frozenset_of_tables)``."""

    changed = Signal(object, object)


_hub: ChangeHub | None = None


def changes_hub() -> ChangeHub:
    """The process's hub (made on first use, on the UI thread; it lives as long as the application)."""
    global _hub
    if _hub is None:
        _hub = ChangeHub(QCoreApplication.instance())
    return _hub


class _Shared:
    """What the UI thread and the worker threads share: plain events and a queue, nothing of Qt."""

    def __init__(self) -> None:
        self.stop = threading.Event()
        self.paused = threading.Event()
        self.wake = threading.Event()
        self.listening = threading.Event()
        self.ready = threading.Event()
        self.results: queue.SimpleQueue[frozenset[str]] = queue.SimpleQueue()


def _wait_for_wake(shared: _Shared, timeout: float) -> None:
    """Wait for a notice (or ``timeout``) in short slices, so a stop is seen within half a second."""
    deadline = time.monotonic() + timeout
    while not shared.stop.is_set():
        remaining = deadline - time.monotonic()
        if remaining <= 0 or shared.wake.wait(min(0.5, remaining)):
            break
    shared.wake.clear()


def _watch(db, station_id: int, shared: _Shared, poll_s: float, use_listen: bool) -> None:
    """The worker: read the counter when woken (a notice) or every ``poll_s``; queue what changed."""
    last: int | None = None
    failing = False
    while not shared.stop.is_set():
        if last is not None:
            timeout = SAFETY_POLL_S if use_listen and shared.listening.is_set() else poll_s
            _wait_for_wake(shared, timeout)
        if shared.stop.is_set():
            break
        if shared.paused.is_set():
            shared.stop.wait(poll_s)  # the connection is lost: don't knock, the monitor does
            continue
        try:
            token = change_token(db, station_id)
            if last is None:
                tables: set[str] = set()
            elif token > last:
                tables = changed_tables(db, station_id, last, token)
            elif token < last:  # the database was replaced or restored: read everything again
                tables = {EVERYTHING}
            else:
                tables = set()
        except Exception as exc:  # noqa: BLE001 - the server is away; the connection monitor says so
            if not failing:
                log.info("live refresh cannot read the change counter: %s", exc)
            failing = True
            if last is None:
                shared.stop.wait(poll_s)
            continue
        if failing:
            log.info("live refresh reads the change counter again")
            failing = False
        last = token
        if tables:
            shared.results.put(frozenset(tables))
        if not shared.ready.is_set() and (not use_listen or shared.listening.is_set()):
            shared.ready.set()


def _listen(url, station_id: int, shared: _Shared) -> None:
    """The PostgreSQL listener: wake the worker on each notice for this station; reconnect with
    back-off when the connection is lost (the worker polls meanwhile)."""
    attempt = 0

    def on_notice(chain_id: int, _seq: int) -> None:
        if chain_id == station_id:
            shared.wake.set()

    def on_ready() -> None:
        nonlocal attempt
        attempt = 0
        shared.listening.set()
        shared.wake.set()  # catch up on what happened while not listening

    while not shared.stop.is_set():
        if shared.paused.is_set():
            shared.stop.wait(0.5)
            continue
        try:
            listen(url, shared.stop, on_notice, on_ready=on_ready)
        except Exception as exc:  # noqa: BLE001 - lost connection: poll until listening again
            shared.listening.clear()
            attempt += 1
            if attempt == 1:
                log.info("live refresh lost its LISTEN connection: %s", exc)
            shared.stop.wait(backoff_delay(attempt, first=1.0, cap=30.0))
    shared.listening.clear()


class ChangeWatcher(QObject):
    """Watches the station's committed changes and emits ``changed(frozenset[str])`` with the
    names of the tables changed (``"*"``: too many to name, re-read everything). UI thread.

    Own changes are reported too (a refresh too many is harmless)."""

    changed = Signal(object)  # frozenset[str]

    def __init__(self, db, station_id: int, *, poll_interval_s: float = POLL_INTERVAL_S,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.station_id = station_id
        self.poll_interval_s = poll_interval_s
        self.use_listen = uses_listen(db)
        self._shared: _Shared | None = None
        self._threads: list[threading.Thread] = []
        self._drain_timer = QTimer(self)
        self._drain_timer.setInterval(DRAIN_MS)
        self._drain_timer.timeout.connect(self._drain)

    # ------------------------------------------------------------------ public

    @property
    def is_running(self) -> bool:
        return self._shared is not None

    @property
    def is_paused(self) -> bool:
        return self._shared is not None and self._shared.paused.is_set()

    @property
    def is_ready(self) -> bool:
        """The first counter was read (and, on PostgreSQL, the listener is listening)."""
        return self._shared is not None and self._shared.ready.is_set()

    def start(self) -> None:
        if self._shared is not None:
            return
        shared = self._shared = _Shared()
        # Plain arguments only: the threads must never keep this QObject alive.
        self._threads = [threading.Thread(
            target=_watch, args=(self.db, self.station_id, shared, self.poll_interval_s, self.use_listen),
            name="change-watcher", daemon=True)]
        if self.use_listen:
            self._threads.append(threading.Thread(
                target=_listen, args=(self.db.url, self.station_id, shared), name="change-listener", daemon=True))
        for thread in self._threads:
            thread.start()
        self._drain_timer.start()
        # A watcher deleted with its window without stop() must still end its threads.
        self.destroyed.connect(shared.stop.set)

    @Slot()
    def stop(self) -> None:
        """Stop watching; the threads end within a second (daemons: they never delay quitting)."""
        if self._shared is None:
            return
        self._shared.stop.set()
        self._shared.wake.set()
        self._shared = None
        self._drain_timer.stop()

    def wait_stopped(self, timeout: float = 5.0) -> bool:
        """Wait for the threads of the last run to end (tests, and a clean exit)."""
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        return not any(t.is_alive() for t in self._threads)

    @Slot()
    def pause(self) -> None:
        """Stop reading while the connection is lost (the connection monitor probes meanwhile)."""
        if self._shared is not None:
            self._shared.paused.set()

    @Slot()
    def resume(self) -> None:
        """Read again at once: changes made meanwhile are found by the counter."""
        if self._shared is not None:
            self._shared.paused.clear()
            self._shared.wake.set()

    # ------------------------------------------------------------------ UI thread

    @Slot()
    def _drain(self) -> None:
        shared = self._shared
        if shared is None:
            return
        tables: set[str] = set()
        while True:
            try:
                tables |= shared.results.get_nowait()
            except queue.Empty:
                break
        if tables:
            found = frozenset(tables)
            self.changed.emit(found)
            changes_hub().changed.emit(self.db, found)


class TableSubscription(QObject):
    """Refreshes ``owner`` (by calling ``refresh``) when one of ``tables`` of ``db`` changed: at
    most once per ``min_interval_ms``, not while ``busy()`` (retried a second later) and not while
    the owner is hidden (done when it is shown). A child of ``owner``: it goes with it."""

    def __init__(self, owner: QWidget, db, tables: Iterable[str], refresh: Callable[[], object], *,
                 busy: Callable[[], bool] | None = None, min_interval_ms: int = MIN_REFRESH_MS) -> None:
        super().__init__(owner)
        self.owner = owner
        self.db = db
        self.tables = frozenset(tables)
        self._refresh = refresh
        self._busy = busy
        self.min_interval_ms = min_interval_ms
        self.stale = False
        self.refreshes = 0  # refreshes made because of a change (tests, the log)
        self._last = -1e9
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)
        changes_hub().changed.connect(self._on_changed)
        owner.installEventFilter(self)

    def matches(self, tables: Iterable[str]) -> bool:
        found = set(tables)
        return EVERYTHING in found or bool(found & self.tables)

    @Slot(object, object)
    def _on_changed(self, db, tables) -> None:
        if db is not self.db or not self.matches(tables):
            return
        self.stale = True
        self._schedule()

    def _schedule(self, extra_ms: int = 0) -> None:
        if self._timer.isActive():
            return
        wait = self._last + self.min_interval_ms / 1000 - time.monotonic()
        self._timer.start(max(extra_ms, int(wait * 1000), 0))

    @Slot()
    def _fire(self) -> None:
        if not self.stale or not self.owner.isVisible():
            return  # a hidden owner catches up in its Show event
        if self._busy is not None and self._busy():
            self._schedule(self.min_interval_ms)
            return
        self.stale = False
        self._last = time.monotonic()
        self.refreshes += 1
        try:
            self._refresh()
        except Exception:  # a refresh that fails (connection lost) must not break the event loop
            log.exception("live refresh of %s failed", type(self.owner).__name__)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.owner and event.type() == QEvent.Type.Show and self.stale:
            self._schedule()
        return False


def subscribe(owner: QWidget, db, tables: Iterable[str], refresh: Callable[[], object], *,
              busy: Callable[[], bool] | None = None) -> TableSubscription:
    """Refresh ``owner`` when a desk changes one of ``tables`` (see :class:`TableSubscription`)."""
    return TableSubscription(owner, db, tables, refresh, busy=busy)


__all__ = ["ChangeHub", "ChangeWatcher", "TableSubscription", "changes_hub", "subscribe"]
