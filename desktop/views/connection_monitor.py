"""Watch the database connection: a cheap probe off the UI thread, "lost" once, retries with back-off.

The probe is a plain, Qt-free callable that raises when the database cannot be reached
(:func:`database_probe` runs ``SELECT 1``); it is injected so tests can fail it at will. This
adapter owns the timer, the thread and the signals (STYLE.md).

Why a daemon ``threading.Thread`` and not the global QThreadPool: a probe against a hung server
may block for as long as the driver's socket timeout. A pool thread stuck there would hold up other
users of the pool and make ``QThreadPool``'s destructor wait at exit; a daemon thread costs the UI
nothing and never delays quitting. At most one probe runs at a time.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

log = logging.getLogger(__name__)

Probe = Callable[[], object]

DEFAULT_INTERVAL_S = 10.0
FIRST_RETRY_S = 1.0
MAX_RETRY_S = 30.0
DEFAULT_TIMEOUT_S = 15.0  # a probe still running after this counts as a lost connection


def backoff_delay(attempt: int, *, first: float = FIRST_RETRY_S, cap: float = MAX_RETRY_S) -> float:
    """Seconds to wait before retry number ``attempt`` (1, 2, 3 …): 1, 2, 4, 8 … capped at ``cap``."""
    if attempt < 1:
        return first
    return min(cap, first * 2 ** min(attempt - 1, 32))


def database_probe(db) -> Probe:
    """A probe for ``desktop.db.database.Database``: open a connection and run ``SELECT 1``.

    Qt-free; runs on the monitor's worker thread."""
    from sqlalchemy import text

    def probe() -> None:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    return probe


def describe_failure(exc: BaseException) -> str:
    """The Chinese reason shown to the user (one place: desktop.db.errors)."""
    from desktop.db.errors import describe_db_error
    from desktop.errors import StationDeskError

    if isinstance(exc, StationDeskError):
        return str(exc)
    return str(describe_db_error(exc))


_active: ConnectionMonitor | None = None


def active_monitor() -> ConnectionMonitor | None:
    """The application's running monitor (None in a test or a tool that started none)."""
    return _active


def set_active_monitor(monitor: ConnectionMonitor | None) -> None:
    """Make ``monitor`` the one forms follow (tests use it without starting the timers)."""
    global _active
    _active = monitor


POLL_MS = 25  # how often a waiting monitor looks for its probe's result


def _probe_in_thread(probe: Probe, generation: int, results: queue.SimpleQueue) -> None:
    """Runs on the worker thread: call the probe, put plain data in ``results``."""
    try:
        probe()
    except BaseException as exc:  # noqa: BLE001 - any failure means "not reachable"
        ok, reason = False, describe_failure(exc)
        log.info("database check failed: %s", exc)
    else:
        ok, reason = True, ""
    results.put((generation, ok, reason))


class ConnectionMonitor(QObject):
    """Checks the database every ``interval_s`` seconds while connected; after a failure emits
    :attr:`connection_lost` once and retries after :func:`backoff_delay` until a probe succeeds,
    then emits :attr:`connection_restored`.

    Lives on the UI thread; only the probe runs on a worker thread.
    """

    connection_lost = Signal(str)  # the reason, in Chinese
    connection_restored = Signal()
    retry_scheduled = Signal(float)  # seconds until the next attempt while lost
    reachable = Signal()  # every successful probe (after connection_restored when it was lost)
    _probed = Signal(int, bool, str)  # generation, ok, reason: a probe's result, on the UI thread

    def __init__(
        self,
        probe: Probe,
        *,
        interval_s: float = DEFAULT_INTERVAL_S,
        first_retry_s: float = FIRST_RETRY_S,
        max_retry_s: float = MAX_RETRY_S,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._probe = probe
        self.interval_s = interval_s
        self.first_retry_s = first_retry_s
        self.max_retry_s = max_retry_s
        self.timeout_s = timeout_s
        self._connected = True
        self._attempt = 0  # failed attempts since the connection was lost
        self._generation = 0
        self._worker: threading.Thread | None = None
        self._pending: int | None = None  # generation of the probe we are waiting for
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check_now)
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._on_timeout)
        # The worker hands its result over through a plain queue that this timer drains on the UI
        # thread: the thread never touches a Qt object, nor holds the last reference to this one
        # (a QObject with timers freed on a worker thread crashed the event loop).
        self._results: queue.SimpleQueue[tuple[int, bool, str]] = queue.SimpleQueue()
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._drain)
        self._probed.connect(self._on_probed)
        self.delays: list[float] = []  # every delay scheduled while lost (for tests and the log)

    # ------------------------------------------------------------------ public

    @property
    def is_connected(self) -> bool:
        return self._connected

    @property
    def is_checking(self) -> bool:
        return self._pending is not None

    def start(self) -> None:
        """Begin the periodic checks (the first one after ``interval_s``); forms opened from now on
        find this monitor with :func:`active_monitor`."""
        global _active
        _active = self
        self._schedule(self.interval_s)

    def stop(self) -> None:
        global _active
        if _active is self:
            _active = None
        self._timer.stop()
        self._watchdog.stop()
        self._poll.stop()
        self._pending = None
        self._generation += 1  # a probe still running reports into the void

    @Slot()
    def check_now(self) -> None:
        """Probe at once (the banner's "retry now"); ignored while a probe is already waited for."""
        if self._pending is not None:
            return
        self._timer.stop()
        if self._worker is not None and self._worker.is_alive():
            # The previous probe is still hung in the driver: don't pile up threads, wait again.
            self._fail(describe_failure(TimeoutError("timed out")))
            return
        self._generation += 1
        generation = self._pending = self._generation
        self._worker = threading.Thread(
            target=_probe_in_thread, args=(self._probe, generation, self._results), name="connection-probe",
            daemon=True,
        )
        self._worker.start()
        self._poll.start()
        if self.timeout_s > 0:
            self._watchdog.start(int(self.timeout_s * 1000))

    @Slot()
    def retry_now(self) -> None:
        """The user's "retry now": probe at once and start the back-off again from its first step."""
        self._attempt = 0
        self.check_now()

    # ------------------------------------------------------------------ UI thread

    @Slot()
    def _drain(self) -> None:
        while True:
            try:
                generation, ok, reason = self._results.get_nowait()
            except queue.Empty:
                break
            self._probed.emit(generation, ok, reason)
        if self._pending is None and (self._worker is None or not self._worker.is_alive()):
            self._poll.stop()

    @Slot(int, bool, str)
    def _on_probed(self, generation: int, ok: bool, reason: str) -> None:
        if generation != self._pending:
            return  # stale: stopped, or the watchdog already gave up on it
        self._pending = None
        self._watchdog.stop()
        if ok:
            self._succeed()
        else:
            self._fail(reason)

    @Slot()
    def _on_timeout(self) -> None:
        if self._pending is None:
            return
        self._pending = None
        self._fail(describe_failure(TimeoutError("timed out")))

    def _succeed(self) -> None:
        self._attempt = 0
        if not self._connected:
            self._connected = True
            log.warning("database connection restored")
            self.connection_restored.emit()
        self._schedule(self.interval_s)
        self.reachable.emit()

    def _fail(self, reason: str) -> None:
        self._attempt += 1
        if self._connected:
            self._connected = False
            log.warning("database connection lost: %s", reason)
            self.connection_lost.emit(reason)
        delay = backoff_delay(self._attempt, first=self.first_retry_s, cap=self.max_retry_s)
        self.delays.append(delay)
        self._schedule(delay)
        self.retry_scheduled.emit(delay)

    def _schedule(self, seconds: float) -> None:
        self._timer.start(max(0, int(seconds * 1000)))
